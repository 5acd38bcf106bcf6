import { mayDecideRoleProposal } from '../../domain/adminSeparation.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/**
 * The three admin duties are separate (三员分立): the sysadmin keeps accounts and proposes changes
 * of admin roles; the secadmin approves or rejects those, resets admins' passwords, unlocks
 * accounts and resets second factors; the auditor only reads the audit log. Row rules (own
 * account, admin target) are in domain/adminSeparation.ts and checked by the commands.
 */
export const userPolicy = {
  read: (a: Actor | null) => hasRole(a, 'sysadmin', 'secadmin'),
  create: (a: Actor | null) => hasRole(a, 'sysadmin'),
  update: (a: Actor | null) => hasRole(a, 'sysadmin'),
  disable: (a: Actor | null) => hasRole(a, 'sysadmin'),
  enable: (a: Actor | null) => hasRole(a, 'sysadmin'),
  resetPassword: (a: Actor | null) => hasRole(a, 'sysadmin'),
  /** An admin's password (the row decides whether the account is an admin's). */
  resetAdminPassword: (a: Actor | null) => hasRole(a, 'secadmin'),
  /** An admin's account (the row decides). */
  disableAdmin: (a: Actor | null) => hasRole(a, 'secadmin'),
  enableAdmin: (a: Actor | null) => hasRole(a, 'secadmin'),
  import: (a: Actor | null) => hasRole(a, 'sysadmin'),
  unlock: (a: Actor | null) => hasRole(a, 'secadmin'),
  resetTotp: (a: Actor | null) => hasRole(a, 'secadmin'),
};

/** Proposed changes of admin roles: both admins who take part follow them; the secadmin decides. */
export const roleProposalPolicy = {
  read: (a: Actor | null) => hasRole(a, 'sysadmin', 'secadmin'),
  decide: (a: Actor | null) => hasRole(a, 'secadmin'),
};

export const roleProposalRowPolicy = {
  decide: (a: Actor | null, p: { status: string; userId: string; proposedById: string }) =>
    !!a && p.status === 'pending' && mayDecideRoleProposal({ id: a.userId, roles: a.roles.map((g) => g.role) }, p),
};
