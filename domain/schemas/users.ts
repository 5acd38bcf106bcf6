import { z } from 'zod';
import { ROLES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { Id, Name, Version } from './common.js';

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
  displayName: Name,
  unitId: Id,
  roles: z.array(RoleGrantInput).max(20).default([]),
});
export type UserCreateInput = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  version: Version,
  mobile: Mobile.nullable().optional(),
  displayName: Name.optional(),
  unitId: Id.optional(),
  roles: z.array(RoleGrantInput).max(20).optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdate>;

export const VersionBody = z.strictObject({ version: Version });

export const User = z.object({
  id: Id,
  account: z.string(),
  mobile: z.string().nullable(),
  displayName: z.string(),
  unitId: Id,
  unitName: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: Id.nullable(), bodyId: Id.nullable() })),
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
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const ImportPreview = z.object({
  data: z.object({ rows: z.array(ImportRowResult), valid: z.number(), invalid: z.number() }),
});
export const ImportCommitResult = z.object({
  data: z.object({ created: z.number(), accounts: z.array(z.object({ account: z.string(), initialPassword: z.string() })) }),
});
