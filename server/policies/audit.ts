import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** Only the auditor reads the audit log; the sysadmin who changes things cannot read their traces. */
export const auditPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'auditor'),
    verify: (a) => hasRole(a, 'auditor'),
  },
});
