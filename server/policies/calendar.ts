import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** Everyone counts workdays; the sysadmin records local holiday decisions. */
export const calendarPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    update: (a) => hasRole(a, 'sysadmin'),
  },
});
