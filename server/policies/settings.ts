import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** Security policy (lockout, timeouts, password rules) belongs to the secadmin alone. */
export const securityPolicyPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'secadmin'),
    update: (a) => hasRole(a, 'secadmin'),
  },
});
