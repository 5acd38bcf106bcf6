import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Light, LightReason } from '../../../domain/lights.js';
import { worstFirst } from '../../../domain/worstFirst.js';
import type { Executor } from '../../db/client.js';
import { blockers, projects, targets, tasks } from '../../db/schema/index.js';
import type { LineItem } from '../../models/reporting.js';
import { planIn, unitIn, type RegionScope } from '../regionScope.js';
import { taskDue } from './workbenchUnit.js';

/** The leader's first page names this many of the worst items. */
export const WORST_LINES = 12;
const TROUBLE = ['red', 'yellow'];

/**
 * The leading group's view: the worst tasks, targets and projects (red first, longest late first,
 * with their reasons), how many are red and yellow, and how many blockers wait for its decision. A
 * district holds a few thousand items at most, and only red and yellow ones are read. Only the
 * reader's regions: items of their plans, blockers of their units.
 */
export async function leaderWorkbench(db: Executor, scope: RegionScope) {
  const cols = { light: sql<string>`light`, lightReasons: sql<unknown>`light_reasons` };
  // One after the other: inside a transaction the queries share one connection.
  const t = await db
    .select({ id: tasks.id, code: tasks.code, title: tasks.title, due: taskDue, ...cols })
    .from(tasks)
    .where(and(inArray(tasks.light, TROUBLE), planIn(tasks.planId, scope)));
  const g = await db.select({ id: targets.id, code: targets.code, title: targets.name, ...cols }).from(targets).where(and(inArray(targets.light, TROUBLE), planIn(targets.planId, scope)));
  const p = await db.select({ id: projects.id, code: projects.code, title: projects.name, ...cols }).from(projects).where(and(inArray(projects.light, TROUBLE), planIn(projects.planId, scope)));
  const [waiting] = await db
    .select({ n: count() })
    .from(blockers)
    .where(and(eq(blockers.status, 'open'), eq(blockers.level, 'leading_group'), unitIn(blockers.unitId, scope)));
  const line = (itemType: LineItem['itemType'], r: { id: string; code: string; title: string; light: string; lightReasons: unknown; due?: string | null }): LineItem => ({
    itemType,
    itemId: r.id,
    code: r.code,
    title: r.title,
    light: r.light as Light,
    lightReasons: (Array.isArray(r.lightReasons) ? r.lightReasons : []) as LightReason[],
    due: r.due ?? null,
  });
  const all = [...t.map((r) => line('task', r)), ...g.map((r) => line('target', r)), ...p.map((r) => line('project', r))].sort(worstFirst);
  return {
    worst: all.slice(0, WORST_LINES),
    counts: { red: all.filter((i) => i.light === 'red').length, yellow: all.filter((i) => i.light === 'yellow').length, leadingGroupBlockers: waiting?.n ?? 0 },
  };
}
