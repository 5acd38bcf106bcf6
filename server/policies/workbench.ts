import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { unitsWhere } from './report.js';

/** Who has which workbench: units (liaison, head), task forces, and the HQ office (leaders may look at it too). */
export const workbenchPolicy = definePolicy({
  route: {
    unit: (a) => hasRole(a, 'liaison', 'unit_head'),
    taskForce: (a) => hasRole(a, 'task_force'),
    hq: (a) => hasRole(a, 'hq_office', 'leader'),
    /** The desk's lists as one workbook: the office's own working papers. */
    hqExport: (a) => hasRole(a, 'hq_office'),
    /** The leading group's first page; the HQ office prepares and records its decisions. */
    leader: (a) => hasRole(a, 'leader', 'hq_office'),
  },
});

/**
 * Whose "my work" a unit workbench shows: the unit asked for, if the actor is its liaison or head;
 * else the actor's own unit when they hold such a role there, else the first unit they do. Null
 * when the actor may not see the unit asked for.
 */
export function workbenchUnit(a: Actor | null, asked: string | undefined): string | null {
  const mine = unitsWhere(a, 'liaison', 'unit_head');
  if (asked !== undefined) return mine.includes(asked) ? asked : null;
  if (a && mine.includes(a.unitId)) return a.unitId;
  return mine[0] ?? null;
}
