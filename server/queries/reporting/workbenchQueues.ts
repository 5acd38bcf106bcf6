import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { BLOCKER_LEVELS } from '../../../domain/work.js';
import { LIGHTS, type Light } from '../../../domain/lights.js';
import type { Executor } from '../../db/client.js';
import { UNRESOLVED_BLOCKER_STATUSES } from '../../../domain/schemas/blocker.js';
import { blockers, plans, projects, reports, targets, tasks } from '../../db/schema/index.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { CLAIM_WORKDAYS } from '../../../domain/claims.js';
import { now as clockNow } from '../../clock.js';
import { currentCalendar } from '../calendar.js';
import { listUnclaimed } from '../planning/claims.js';
import { onPlansOf } from './scope.js';
import { WORKBENCH_LINES } from './workbenchUnit.js';
import { planIn, unitIn, type RegionScope } from '../regionScope.js';

const total = sql<number>`(count(*) over())::int`;

/** Reports in one status matching a condition, oldest waiting first, with the total. */
async function queue(db: Executor, status: string, cond: SQL | undefined, waitingSince: PgColumn) {
  const rows = await db
    .select({ report: reports, total })
    .from(reports)
    .where(and(eq(reports.status, status), cond))
    .orderBy(asc(waitingSince), asc(reports.id))
    .limit(WORKBENCH_LINES);
  return { rows: rows.map((r) => r.report), total: rows[0]?.total ?? 0 };
}

/** Counts per light colour (every colour present, 0 when none). */
function lightCounts(rows: { light: string; n: number }[]): Record<Light, number> {
  const out = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const r of rows) if (r.light in out) out[r.light as Light] = r.n;
  return out;
}

/** A task force's queue: approved reports on its plans' items, and the lights of its plans' tasks. */
export async function taskForceWorkbench(db: Executor, bodyIds: string[]) {
  if (!bodyIds.length) return { toReview: { rows: [], total: 0 }, tasks: lightCounts([]) };
  const planIds = db.select({ id: plans.id }).from(plans).where(inArray(plans.taskForceId, bodyIds));
  const [toReview, lights] = await Promise.all([
    queue(db, 'approved', onPlansOf(db, reports, bodyIds), reports.approvedAt),
    db.select({ light: tasks.light, n: count() }).from(tasks).where(inArray(tasks.planId, planIds)).groupBy(tasks.light),
  ]);
  return { toReview, tasks: lightCounts(lights) };
}

/** Approved reports whose item's plan has no task force (or a project outside any plan): the HQ office reviews them. */
export function withoutTaskForce(db: Executor): SQL {
  const loosePlans = db.select({ id: plans.id }).from(plans).where(isNull(plans.taskForceId));
  return or(
    and(eq(reports.itemType, 'task'), inArray(reports.itemId, db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.planId, loosePlans)))),
    and(eq(reports.itemType, 'target'), inArray(reports.itemId, db.select({ id: targets.id }).from(targets).where(inArray(targets.planId, loosePlans)))),
    and(
      eq(reports.itemType, 'project'),
      inArray(reports.itemId, db.select({ id: projects.id }).from(projects).where(or(isNull(projects.planId), inArray(projects.planId, loosePlans)))),
    ),
  )!;
}

/**
 * The HQ office's view: reports to accept (and to review itself), units late with their claims, lights
 * of everything, open blockers by level. Each card's count is the total of the list it opens, from
 * the same query (a separate count once said 10 over a list of 9).
 */
export async function hqWorkbench(db: Executor, scope: RegionScope) {
  const calendar = await currentCalendar(db);
  const inScope = unitIn(reports.unitId, scope);
  const [toAccept, toReview, unclaimed, taskLights, targetLights, projectLights, openBlockers] = await Promise.all([
    queue(db, 'reviewed', inScope, reports.reviewedAt),
    queue(db, 'approved', and(withoutTaskForce(db), inScope), reports.approvedAt),
    listUnclaimed(db, calendar, shanghaiDate(clockNow()), { workdays: CLAIM_WORKDAYS, scope }, 1, WORKBENCH_LINES),
    db.select({ light: tasks.light, n: count() }).from(tasks).where(planIn(tasks.planId, scope)).groupBy(tasks.light),
    db.select({ light: targets.light, n: count() }).from(targets).where(planIn(targets.planId, scope)).groupBy(targets.light),
    db.select({ light: projects.light, n: count() }).from(projects).where(planIn(projects.planId, scope)).groupBy(projects.light),
    db.select({ level: blockers.level, n: count() }).from(blockers).where(and(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]), unitIn(blockers.unitId, scope))).groupBy(blockers.level),
  ]);
  const byLevel = Object.fromEntries(BLOCKER_LEVELS.map((l) => [l, openBlockers.find((b) => b.level === l)?.n ?? 0])) as Record<(typeof BLOCKER_LEVELS)[number], number>;
  return {
    toAccept,
    toReview,
    unclaimed,
    counts: { unclaimedTasks: unclaimed.total, tasks: lightCounts(taskLights), targets: lightCounts(targetLights), projects: lightCounts(projectLights), openBlockers: byLevel },
  };
}
