import { sql } from 'drizzle-orm';
import { computeLight, type BlockedBy, type LightResult } from '../../domain/lights.js';
import { now as clockNow } from '../clock.js';
import type { Executor } from '../db/client.js';
import { eq } from 'drizzle-orm';
import { idArray } from '../db/bulk.js';
import { groupBy } from '../../domain/groupBy.js';
import type { TargetVerdicts } from '../../domain/targetOutlook.js';
import { milestones, plans, programs, projects, targetActuals, targetGoals, targetTrajectory, targets, tasks } from '../db/schema/index.js';
import { projectFacts, storedVerdicts, targetFacts, taskFacts } from './facts.js';
import { awaitingClaims, unresolvedBlockersOf, yearInvestments } from './factQueries.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { LightEnv } from './refresh.js';

/** Rows per UPDATE … FROM (VALUES …): three parameters a row, far below PostgreSQL's 65,535. */
const CHUNK = 500;

/** Stores many computed lights with one statement per chunk instead of one per row. */
async function storeLights(db: Executor, table: 'tasks' | 'targets' | 'projects', rows: { id: string; r: LightResult; outlook?: TargetVerdicts }[]): Promise<void> {
  // Targets keep their verdicts beside their light (the dashboard's 首战告捷 reads them).
  const withOutlook = table === 'targets';
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(
      rows
        .slice(i, i + CHUNK)
        .map(({ id, r, outlook }) => (withOutlook ? sql`(${id}::uuid, ${r.light}, ${JSON.stringify(r.reasons)}::jsonb, ${JSON.stringify(outlook ?? null)}::jsonb)` : sql`(${id}::uuid, ${r.light}, ${JSON.stringify(r.reasons)}::jsonb)`)),
      sql`, `,
    );
    await db.execute(
      withOutlook
        ? sql`update targets as t set light = v.light, light_reasons = v.reasons, outlook = v.outlook, light_at = ${clockNow()} from (values ${values}) as v(id, light, reasons, outlook) where t.id = v.id`
        : sql`update ${sql.identifier(table)} as t set light = v.light, light_reasons = v.reasons, light_at = ${clockNow()} from (values ${values}) as v(id, light, reasons) where t.id = v.id`,
    );
  }
}

/**
 * The lights of these tasks (every task without `ids`) from their stored facts, stored: a fixed
 * number of reads and one write per 500 tasks. A batch of new tasks (an import) takes this path;
 * `blocked` spares the read when the caller has it already.
 */
export async function refreshTaskLights(db: Executor, env: LightEnv, ids?: readonly string[], blocked?: Map<string, BlockedBy[]>): Promise<number> {
  if (ids && !ids.length) return 0;
  const held = blocked ?? (await unresolvedBlockersOf(db, ids));
  const taskRows = await db
    .select({
      id: tasks.id,
      startDate: tasks.startDate,
      deadlineKind: tasks.deadlineKind,
      deadline: tasks.deadline,
      nextDue: tasks.nextDue,
      done: tasks.done,
      progress: tasks.progress,
      lastReportDate: tasks.lastReportDate,
      reportPeriod: tasks.reportPeriod,
    })
    .from(tasks)
    .where(ids ? sql`${tasks.id} = any(${idArray(ids)})` : undefined);
  const ms = groupBy(
    await db.select({ taskId: milestones.taskId, name: milestones.name, due: milestones.due, doneOn: milestones.doneOn }).from(milestones).where(ids ? sql`${milestones.taskId} = any(${idArray(ids)})` : undefined),
    (m) => m.taskId,
  );
  const claims = await awaitingClaims(db, ids);
  const light = (f: Parameters<typeof computeLight>[0], id: string) => computeLight({ ...f, blockedBy: held.get(id) ?? null }, env.calendar, env.thresholds);
  await storeLights(db, 'tasks', taskRows.map((t) => ({ id: t.id, r: light(taskFacts(t, ms.get(t.id) ?? [], env.today, claims.get(t.id) ?? null), t.id) })));
  return taskRows.length;
}

/** The lights and verdicts of these targets (every target without `ids`) from their stored facts: a fixed number of reads, one write per 500. */
export async function refreshTargetLights(db: Executor, env: LightEnv, ids?: readonly string[], blocked?: Map<string, BlockedBy[]>): Promise<number> {
  if (ids && !ids.length) return 0;
  const held = blocked ?? (await unresolvedBlockersOf(db, ids));
  const only = (col: PgColumn) => (ids ? sql`${col} = any(${idArray(ids)})` : undefined);
  const targetRows = await db
    .select({ id: targets.id, baseline: targets.baseline, direction: targets.direction, period: targets.period, measureUnit: targets.measureUnit, accumulation: targets.accumulation, startYear: programs.startYear })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(programs, eq(programs.id, plans.programId))
    .where(only(targets.id));
  const year = Number(env.today.slice(0, 4));
  const goals = groupBy(await db.select().from(targetGoals).where(only(targetGoals.targetId)), (g) => g.targetId);
  const entered = groupBy(await db.select().from(targetTrajectory).where(only(targetTrajectory.targetId)), (e) => e.targetId);
  // Every actual: a 当期值 target's year to date is the sum of its periods (targets report monthly at most).
  const actuals = groupBy(
    await db.select({ targetId: targetActuals.targetId, period: targetActuals.period, value: targetActuals.value, acceptedAt: targetActuals.acceptedAt }).from(targetActuals).where(only(targetActuals.targetId)),
    (a) => a.targetId,
  );
  const light = (f: Parameters<typeof computeLight>[0], id: string) => computeLight({ ...f, blockedBy: held.get(id) ?? null }, env.calendar, env.thresholds);
  await storeLights(
    db,
    'targets',
    targetRows.map((t) => ({
      id: t.id,
      r: light(targetFacts(t, goals.get(t.id) ?? [], entered.get(t.id) ?? [], actuals.get(t.id) ?? [], env.today), t.id),
      outlook: storedVerdicts(t, t.startYear, year, goals.get(t.id) ?? [], actuals.get(t.id) ?? []),
    })),
  );
  return targetRows.length;
}

/** The lights of these projects (every project without `ids`) from their stored facts: a fixed number of reads, one write per 500. */
export async function refreshProjectLights(db: Executor, env: LightEnv, ids?: readonly string[], blocked?: Map<string, BlockedBy[]>): Promise<number> {
  if (ids && !ids.length) return 0;
  const held = blocked ?? (await unresolvedBlockersOf(db, ids));
  const projectRows = await db
    .select({ id: projects.id, stage: projects.stage, stageDates: projects.stageDates, lastReportDate: projects.lastReportDate })
    .from(projects)
    .where(ids ? sql`${projects.id} = any(${idArray(ids)})` : undefined);
  const investments = await yearInvestments(db, Number(env.today.slice(0, 4)), ids);
  const light = (f: Parameters<typeof computeLight>[0], id: string) => computeLight({ ...f, blockedBy: held.get(id) ?? null }, env.calendar, env.thresholds);
  await storeLights(db, 'projects', projectRows.map((p) => ({ id: p.id, r: light(projectFacts(p, env.today, investments.get(p.id) ?? null), p.id) })));
  return projectRows.length;
}

/**
 * The midnight job (and the demo load): time passed, so every light is recomputed from stored facts.
 * A fixed number of reads (tasks, milestones, targets, goals, trajectories, latest actuals, projects)
 * and one write per 500 items, whatever the size: the per-item refresh would cost three to five
 * queries an item. Parents' progress is not recomputed here — it changes only with facts, and the
 * commands that change facts roll it up — so the order of tasks does not matter.
 */
export async function refreshAllLights(db: Executor, env: LightEnv): Promise<{ tasks: number; targets: number; projects: number }> {
  const blocked = await unresolvedBlockersOf(db);
  // One after the other: inside a transaction the queries share one connection.
  const taskCount = await refreshTaskLights(db, env, undefined, blocked);
  const targetCount = await refreshTargetLights(db, env, undefined, blocked);
  const projectCount = await refreshProjectLights(db, env, undefined, blocked);
  return { tasks: taskCount, targets: targetCount, projects: projectCount };
}
