import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/**
 * The three admin duties are separate: the sysadmin keeps accounts, the secadmin unlocks accounts
 * and resets second factors, the auditor only reads the audit log.
 */
export const userPolicy = {
  read: (a: Actor | null) => hasRole(a, 'sysadmin', 'secadmin'),
  create: (a: Actor | null) => hasRole(a, 'sysadmin'),
  update: (a: Actor | null) => hasRole(a, 'sysadmin'),
  disable: (a: Actor | null) => hasRole(a, 'sysadmin'),
  enable: (a: Actor | null) => hasRole(a, 'sysadmin'),
  resetPassword: (a: Actor | null) => hasRole(a, 'sysadmin'),
  import: (a: Actor | null) => hasRole(a, 'sysadmin'),
  unlock: (a: Actor | null) => hasRole(a, 'secadmin'),
  resetTotp: (a: Actor | null) => hasRole(a, 'secadmin'),
};
