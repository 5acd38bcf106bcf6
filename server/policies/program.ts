import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** The program is transparent inside government: everyone signed in reads it; the HQ office keeps it. */
export const programPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    createArea: (a) => hasRole(a, 'hq_office'),
  },
});
