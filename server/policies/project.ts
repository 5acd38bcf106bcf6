import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Key projects: everyone signed in reads; the HQ office keeps them and their yearly plans. */
export const projectPolicy = {
  read: (a: Actor | null) => !!a,
  create: (a: Actor | null) => hasRole(a, 'hq_office'),
  update: (a: Actor | null) => hasRole(a, 'hq_office'),
};
