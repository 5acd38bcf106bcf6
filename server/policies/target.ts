import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Targets: everyone signed in reads; the HQ office defines them and may record an actual directly. */
export const targetPolicy = {
  read: (a: Actor | null) => !!a,
  create: (a: Actor | null) => hasRole(a, 'hq_office'),
  update: (a: Actor | null) => hasRole(a, 'hq_office'),
  recordActual: (a: Actor | null) => hasRole(a, 'hq_office'),
};
