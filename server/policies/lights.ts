import { definePolicy } from './policy.js';

/** Light roll-ups count the work everyone signed in may read (tasks, targets, projects): so may they. */
export const lightsPolicy = definePolicy({
  route: {
    read: (a) => !!a,
  },
});
