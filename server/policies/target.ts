import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** Targets: everyone signed in reads; the HQ office defines them and may record an actual directly. */
export const targetPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    recordActual: (a) => hasRole(a, 'hq_office'),
  },
});
