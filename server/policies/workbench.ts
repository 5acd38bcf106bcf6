import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Who has which workbench: units (liaison, head), task forces, and the HQ office (leaders may look at it too). */
export const workbenchPolicy = {
  unit: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head'),
  taskForce: (a: Actor | null) => hasRole(a, 'task_force'),
  hq: (a: Actor | null) => hasRole(a, 'hq_office', 'leader'),
  /** The leading group's first page; the HQ office prepares and records its decisions. */
  leader: (a: Actor | null) => hasRole(a, 'leader', 'hq_office'),
};
