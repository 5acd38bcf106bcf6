import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Everyone counts workdays; the sysadmin records local holiday decisions. */
export const calendarPolicy = {
  read: (a: Actor | null) => !!a,
  update: (a: Actor | null) => hasRole(a, 'sysadmin'),
};
