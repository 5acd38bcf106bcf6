import { z } from 'zod';
import { ROLES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { Email, Id, Name, Version } from './common.js';

export const Account = z
  .string()
  .trim()
  .min(2)
  .max(LIMITS.account)
  .regex(/^[A-Za-z0-9_.-]+$/);
export const Mobile = z.string().trim().regex(/^1\d{10}$/);

export const RoleGrantInput = z.strictObject({
  role: z.enum(ROLES),
  unitId: Id.nullable().optional(),
  bodyId: Id.nullable().optional(),
});
export type RoleGrantInput = z.infer<typeof RoleGrantInput>;

export const UserCreate = z.strictObject({
  account: Account,
  mobile: Mobile.nullable().optional(),
  email: Email.nullable().optional(),
  displayName: Name,
  unitId: Id,
  roles: z.array(RoleGrantInput).max(20).default([]),
});
export type UserCreateInput = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  version: Version,
  mobile: Mobile.nullable().optional(),
  email: Email.nullable().optional(),
  displayName: Name.optional(),
  unitId: Id.optional(),
  roles: z.array(RoleGrantInput).max(20).optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdate>;

export const VersionBody = z.strictObject({ version: Version });

const Grant = z.object({ role: z.enum(ROLES), unitId: Id.nullable(), bodyId: Id.nullable() });

/** A change of admin roles waiting for the secadmin (三员分立): the whole set the account will hold. */
export const PendingRoles = z.object({ proposalId: Id, roles: z.array(Grant), proposedAt: z.string() });

export const User = z.object({
  id: Id,
  account: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  displayName: z.string(),
  unitId: Id,
  unitName: z.string(),
  roles: z.array(Grant),
  /** Roles proposed and not yet approved; null when none is pending. */
  pendingRoles: PendingRoles.nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(LIMITS.perPageMax).default(50),
  q: z.string().trim().max(LIMITS.name).optional(),
  unitId: Id.optional(),
  role: z.enum(ROLES).optional(),
});

/** Answer to a password reset: the one-time initial password, shown once. */
export const ResetPasswordResult = z.object({ data: z.object({ initialPassword: z.string() }) });

/** One row of a user import, as read from the spreadsheet (all cells text). */
export const ImportRowResult = z.object({
  row: z.number(),
  account: z.string(),
  displayName: z.string(),
  unitName: z.string(),
  roles: z.array(z.string()),
  email: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const ImportPreview = z.object({
  data: z.object({ rows: z.array(ImportRowResult), valid: z.number(), invalid: z.number() }),
});
export const ImportCommitResult = z.object({
  data: z.object({
    created: z.number(),
    /** pendingApproval: the row asked for an admin role, which waits for the secadmin; the account has no role meanwhile. */
    accounts: z.array(z.object({ account: z.string(), initialPassword: z.string(), pendingApproval: z.boolean() })),
  }),
});

export const ROLE_PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RoleProposalStatus = (typeof ROLE_PROPOSAL_STATUSES)[number];

/** A proposed change of admin roles, as the secadmin decides it and the sysadmin follows it. */
export const RoleProposal = z.object({
  id: Id,
  userId: Id,
  account: z.string(),
  displayName: z.string(),
  unitName: z.string(),
  before: z.array(Grant),
  roles: z.array(Grant),
  status: z.enum(ROLE_PROPOSAL_STATUSES),
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  policies: z.object({ approve: z.boolean(), reject: z.boolean() }),
});
export type RoleProposal = z.infer<typeof RoleProposal>;

export const RoleProposalListQuery = z.strictObject({
  status: z.enum(ROLE_PROPOSAL_STATUSES).default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(LIMITS.perPageMax).default(50),
});

export const RoleProposalReject = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.reason) });

/** Approving a grant of an admin role issues the account a new initial password, shown once to the approver. */
export const RoleProposalDecision = z.object({ data: RoleProposal, initialPassword: z.string().nullable() });
