import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** Key projects: everyone signed in reads; the HQ office keeps them and their yearly plans. */
export const projectPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
  },
});
