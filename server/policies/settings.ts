import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Security policy (lockout, timeouts, password rules) belongs to the secadmin alone. */
export const securityPolicyPolicy = {
  read: (a: Actor | null) => hasRole(a, 'secadmin'),
  update: (a: Actor | null) => hasRole(a, 'secadmin'),
};
