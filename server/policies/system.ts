import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** The system's health and backups are the system administrator's to watch. */
export const systemPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'sysadmin'),
  },
});
