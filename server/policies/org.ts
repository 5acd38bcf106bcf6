import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** Regions, units and bodies: everyone signed in reads them (they fill every picker); the sysadmin keeps them. */
export const orgPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'sysadmin'),
    update: (a) => hasRole(a, 'sysadmin'),
  },
});
