import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Only the auditor reads the audit log; the sysadmin who changes things cannot read their traces. */
export const auditPolicy = {
  read: (a: Actor | null) => hasRole(a, 'auditor'),
  verify: (a: Actor | null) => hasRole(a, 'auditor'),
};
