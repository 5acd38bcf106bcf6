import type { Role } from '../../domain/enums.js';
import type { PendingRoles, UserRow } from '../models/users.js';
import { presentGrants } from './roleProposal.js';

interface RoleRow {
  userId: string;
  role: string;
  unitId: string | null;
  bodyId: string | null;
}

/** Every field listed: the password hash and TOTP secret never leave the server. */
export function presentUser(u: UserRow, unitName: string, roles: RoleRow[], locked: boolean, pending: PendingRoles | undefined) {
  return {
    id: u.id,
    account: u.account,
    mobile: u.mobile,
    email: u.email,
    displayName: u.displayName,
    unitId: u.unitId,
    unitName,
    roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role as Role, unitId: r.unitId, bodyId: r.bodyId })),
    pendingRoles: pending ? { proposalId: pending.proposalId, roles: presentGrants(pending.roles), proposedAt: pending.proposedAt.toISOString() } : null,
    disabled: u.disabled,
    locked,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}
