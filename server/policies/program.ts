import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** The program is transparent inside government: everyone signed in reads it; the HQ office keeps it. */
export const programPolicy = {
  read: (a: Actor | null) => !!a,
  create: (a: Actor | null) => hasRole(a, 'hq_office'),
  update: (a: Actor | null) => hasRole(a, 'hq_office'),
  createArea: (a: Actor | null) => hasRole(a, 'hq_office'),
};
