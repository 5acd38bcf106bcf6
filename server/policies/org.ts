import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Regions, units and bodies: everyone signed in reads them (they fill every picker); the sysadmin keeps them. */
export const orgPolicy = {
  read: (a: Actor | null) => !!a,
  create: (a: Actor | null) => hasRole(a, 'sysadmin'),
  update: (a: Actor | null) => hasRole(a, 'sysadmin'),
};
