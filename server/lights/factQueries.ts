import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { idArray } from '../db/bulk.js';
import { shanghaiDate } from '../../domain/calendar/days.js';
import type { BlockedBy, InvestmentFact } from '../../domain/lights.js';
import type { Executor } from '../db/client.js';
import { UNRESOLVED_BLOCKER_STATUSES } from '../../domain/schemas/blocker.js';
import { blockerItems, blockers, projectMonths, projectYearPlans, taskUnits } from '../db/schema/index.js';

/**
 * Facts a light needs beyond the item's own row, read for one item, a few, or all of them at once
 * (the one-item refresh, the batched refresh and the midnight job share them).
 */

/**
 * Tasks that no unit has claimed as their lead (every lead share still unclaimed), with the day the
 * earliest lead was assigned: the light waits for the claim from then on. A returned claim is the
 * unit head's to redo and is not chased by the HQ desk's 逾期未认领 either (no date to count from).
 */
export async function awaitingClaims(db: Executor, taskIds?: readonly string[]): Promise<Map<string, string>> {
  if (taskIds && !taskIds.length) return new Map();
  const conds: SQL[] = [eq(taskUnits.role, 'lead')];
  if (taskIds) conds.push(sql`${taskUnits.taskId} = any(${idArray(taskIds)})`);
  const rows = await db
    .select({ taskId: taskUnits.taskId, since: sql<Date | string>`min(${taskUnits.assignedAt})` })
    .from(taskUnits)
    .where(and(...conds))
    .groupBy(taskUnits.taskId)
    .having(sql`bool_and(${taskUnits.claimStatus} = 'unclaimed')`);
  return new Map(rows.map((r) => [r.taskId, shanghaiDate(new Date(r.since))]));
}

/** Each project's plan for `year` and the investment done in that year's months (万元, exact). */
export async function yearInvestments(db: Executor, year: number, projectIds?: readonly string[]): Promise<Map<string, InvestmentFact>> {
  if (projectIds && !projectIds.length) return new Map();
  const plans = await db
    .select({ projectId: projectYearPlans.projectId, planned: projectYearPlans.planned })
    .from(projectYearPlans)
    .where(and(eq(projectYearPlans.year, year), projectIds ? inArray(projectYearPlans.projectId, [...projectIds]) : undefined));
  const done = await db
    .select({ projectId: projectMonths.projectId, done: sql<string>`sum(${projectMonths.done})::text` })
    .from(projectMonths)
    .where(and(like(projectMonths.month, `${year}-%`), projectIds ? inArray(projectMonths.projectId, [...projectIds]) : undefined))
    .groupBy(projectMonths.projectId);
  const doneBy = new Map(done.map((d) => [d.projectId, d.done]));
  return new Map(plans.map((p) => [p.projectId, { year, planned: p.planned, done: doneBy.get(p.projectId) ?? '0' }]));
}

/** Unresolved blockers holding back each of these items (for their lights' reasons). */
export async function unresolvedBlockersOf(db: Executor, itemIds?: readonly string[]): Promise<Map<string, BlockedBy[]>> {
  if (itemIds && !itemIds.length) return new Map();
  const rows = await db
    .select({ itemId: blockerItems.itemId, title: blockers.title, level: blockers.level })
    .from(blockerItems)
    .innerJoin(blockers, eq(blockers.id, blockerItems.blockerId))
    .where(and(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]), itemIds ? sql`${blockerItems.itemId} = any(${idArray(itemIds)})` : undefined))
    .orderBy(asc(blockers.raisedAt));
  const out = new Map<string, BlockedBy[]>();
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), { title: r.title, level: r.level as BlockedBy['level'] }]);
  return out;
}
