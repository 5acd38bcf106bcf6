import type { Role } from '../../domain/enums.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { SEE_ALL_REPORTS, taskForcesOf, unitsWhere } from './report.js';

/**
 * Who sees the whole district on the dashboard: those who read all reports (leader, HQ office,
 * inspectors, assessors), and the oversight office and the publicity staff, whose work is the whole
 * program and who hold no unit's or task force's share of it.
 */
export const DASHBOARD_WHOLE: readonly Role[] = [...SEE_ALL_REPORTS, 'oversight', 'publicist'];

/**
 * What one reader's dashboard counts: the whole district, or the slice they answer for — the items
 * of their units (liaison, unit head) and of their task forces' plans, both when they hold both.
 */
export type DashboardSlice = { whole: true } | { whole: false; unitIds: string[]; taskForceIds: string[] };

export function dashboardSlice(a: Actor | null): DashboardSlice | null {
  if (!a) return null;
  if (hasRole(a, ...DASHBOARD_WHOLE)) return { whole: true };
  const unitIds = unitsWhere(a, 'liaison', 'unit_head');
  const taskForceIds = taskForcesOf(a);
  return unitIds.length || taskForceIds.length ? { whole: false, unitIds, taskForceIds } : null;
}

/**
 * 领导驾驶舱: the leading group and the office see the district; every other role with a share of
 * the work sees its own slice. The separated administrators have no slice (their duty is the
 * system, not the program).
 */
export const dashboardPolicy = definePolicy({
  route: {
    read: (a) => dashboardSlice(a) !== null,
  },
});
