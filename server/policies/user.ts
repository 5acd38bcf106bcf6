import { mayDecideRoleProposal } from '../../domain/adminSeparation.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/**
 * The three admin duties are separate (三员分立): the sysadmin keeps accounts and proposes changes
 * of admin roles; the secadmin approves or rejects those, resets admins' passwords, unlocks
 * accounts and resets second factors; the auditor only reads the audit log. Row rules (own
 * account, admin target) are in domain/adminSeparation.ts and checked by the commands.
 */
export const userPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'sysadmin', 'secadmin'),
    create: (a) => hasRole(a, 'sysadmin'),
    update: (a) => hasRole(a, 'sysadmin'),
    disable: (a) => hasRole(a, 'sysadmin'),
    enable: (a) => hasRole(a, 'sysadmin'),
    resetPassword: (a) => hasRole(a, 'sysadmin'),
    /** An admin's password (the row decides whether the account is an admin's). */
    resetAdminPassword: (a) => hasRole(a, 'secadmin'),
    /** An admin's account (the row decides). */
    disableAdmin: (a) => hasRole(a, 'secadmin'),
    enableAdmin: (a) => hasRole(a, 'secadmin'),
    import: (a) => hasRole(a, 'sysadmin'),
    unlock: (a) => hasRole(a, 'secadmin'),
    resetTotp: (a) => hasRole(a, 'secadmin'),
  },
});

/** Proposed changes of admin roles: both admins who take part follow them; the secadmin decides. */
export const roleProposalPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'sysadmin', 'secadmin'),
    decide: (a) => hasRole(a, 'secadmin'),
  },
  row: {
    decide: (a, p: { status: string; userId: string; proposedById: string }) =>
      !!a && p.status === 'pending' && mayDecideRoleProposal({ id: a.userId, roles: a.roles.map((g) => g.role) }, p),
  },
});
