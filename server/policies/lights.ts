import type { Actor } from '../context.js';

/** Light roll-ups count the work everyone signed in may read (tasks, targets, projects): so may they. */
export const lightsPolicy = {
  read: (a: Actor | null) => !!a,
};
