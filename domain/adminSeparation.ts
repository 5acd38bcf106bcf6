import { isAdminRole, type Role } from './enums.js';

/**
 * 三员分立 (等保 2.0 三级): the system, security and audit administrators are three people. The rules
 * here are pure so that the server enforces them and the forms explain them alike.
 */

/** Why a set of roles cannot be held by one account. */
export type RoleConflict = { kind: 'admin_with_admin' | 'admin_with_program'; roles: Role[] };

/**
 * The conflict in a set of roles, or null: an admin role (sysadmin, secadmin, auditor) excludes
 * the other two, and excludes every program role, so that nobody both does the work and keeps,
 * secures or audits the system that records it.
 */
export function roleConflict(roles: readonly Role[]): RoleConflict | null {
  const held = [...new Set(roles)];
  const admin = held.filter(isAdminRole);
  if (admin.length > 1) return { kind: 'admin_with_admin', roles: admin };
  if (admin.length === 1 && held.length > 1) return { kind: 'admin_with_program', roles: held };
  return null;
}

/** The admin roles a change grants and removes (scopes do not matter: admin roles have none). */
export function adminRoleChange(before: readonly Role[], after: readonly Role[]): { granted: Role[]; removed: Role[] } {
  const was = new Set(before.filter(isAdminRole));
  const will = new Set(after.filter(isAdminRole));
  return { granted: [...will].filter((r) => !was.has(r)), removed: [...was].filter((r) => !will.has(r)) };
}

/** Whether a role change needs a second admin's approval: it grants or removes an admin role. */
export function needsSecondAdmin(before: readonly Role[], after: readonly Role[]): boolean {
  const { granted, removed } = adminRoleChange(before, after);
  return granted.length > 0 || removed.length > 0;
}

export const holdsAdminRole = (roles: readonly Role[]): boolean => roles.some(isAdminRole);

interface Person {
  id: string;
  roles: readonly Role[];
}

/**
 * Who decides a proposed change of admin roles: a secadmin who is neither the account concerned
 * (nobody changes their own roles) nor the proposer (four eyes, even were one person both).
 */
export function mayDecideRoleProposal(decider: Person, proposal: { userId: string; proposedById: string }): boolean {
  return decider.roles.includes('secadmin') && decider.id !== proposal.userId && decider.id !== proposal.proposedById;
}

/**
 * Who issues a new initial password: nobody for their own account (they change it themselves); the
 * secadmin for an account holding or about to hold an admin role (so that the sysadmin cannot take
 * over the auditor's or the secadmin's account); the sysadmin for every other account.
 */
export function mayResetPassword(actor: Person, target: Person & { pendingRoles?: readonly Role[] | null }): boolean {
  if (actor.id === target.id) return false;
  const admin = holdsAdminRole(target.roles) || holdsAdminRole(target.pendingRoles ?? []);
  return admin ? actor.roles.includes('secadmin') : actor.roles.includes('sysadmin');
}

/**
 * Who disables or enables an account: nobody their own; the secadmin an admin's (held or pending),
 * so that the sysadmin cannot silence the auditor or the secadmin who checks it; the sysadmin any other.
 */
export function mayToggleAccount(actor: Person, target: Person & { pendingRoles?: readonly Role[] | null }): boolean {
  return mayResetPassword(actor, target);
}
