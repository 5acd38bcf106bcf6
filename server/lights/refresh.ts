import { eq } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/calendar/days.js';
import type { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import { computeLight, DEFAULT_THRESHOLDS, type LightThresholds } from '../../domain/lights.js';
import { rollUpParent } from '../../domain/rollup.js';
import type { Executor } from '../db/client.js';
import { milestones, plans, programs, projects, settings, targetActuals, targetGoals, targetTrajectory, targets, tasks } from '../db/schema/index.js';
import { loadCalendar } from '../queries/calendar.js';
import { projectFacts, storedVerdicts, targetFacts, taskFacts } from './facts.js';
import { awaitingClaims, unresolvedBlockersOf, yearInvestments } from './factQueries.js';
import { now as clockNow } from '../clock.js';

/** What every light computation needs besides the item: today, the calendar, the thresholds. */
export interface LightEnv {
  today: string;
  calendar: WorkdayCalendar;
  thresholds: LightThresholds;
}

export async function lightEnv(db: Executor, now = clockNow()): Promise<LightEnv> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'light_thresholds'));
  return {
    today: shanghaiDate(now),
    calendar: await loadCalendar(db),
    thresholds: { ...DEFAULT_THRESHOLDS, ...((row?.value as Partial<LightThresholds>) ?? {}) },
  };
}

/** Recomputes one task's light from its facts and stores it with its reasons. */
export async function refreshTaskLight(db: Executor, taskId: string, env: LightEnv): Promise<void> {
  const [t] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!t) return;
  const ms = await db.select().from(milestones).where(eq(milestones.taskId, taskId));
  const claim = await awaitingClaims(db, [taskId]);
  const blocked = await unresolvedBlockersOf(db, [taskId]);
  const r = computeLight({ ...taskFacts(t, ms, env.today, claim.get(taskId) ?? null), blockedBy: blocked.get(taskId) ?? null }, env.calendar, env.thresholds);
  await db.update(tasks).set({ light: r.light, lightReasons: r.reasons, lightAt: clockNow() }).where(eq(tasks.id, taskId));
}

/**
 * After a task's progress or last report changed: each ancestor takes its children's facts
 * (`domain/rollup.ts rollUpParent`: weighted progress, done, latest report) and its light is recomputed.
 */
export async function rollUpTask(db: Executor, taskId: string, env: LightEnv): Promise<void> {
  await refreshTaskLight(db, taskId, env);
  let [current] = await db.select({ parentId: tasks.parentId }).from(tasks).where(eq(tasks.id, taskId));
  while (current?.parentId) {
    const parentId = current.parentId;
    const children = await db
      .select({ progress: tasks.progress, weight: tasks.weight, done: tasks.done, lastReportDate: tasks.lastReportDate })
      .from(tasks)
      .where(eq(tasks.parentId, parentId));
    const [own] = await db.select({ lastReportDate: tasks.lastReportDate }).from(tasks).where(eq(tasks.id, parentId));
    await db.update(tasks).set(rollUpParent(own?.lastReportDate ?? null, children)).where(eq(tasks.id, parentId));
    await refreshTaskLight(db, parentId, env);
    [current] = await db.select({ parentId: tasks.parentId }).from(tasks).where(eq(tasks.id, parentId));
  }
}

/** A target's light: its latest accepted actual against the trajectory for that period, and staleness. */
export async function refreshTargetLight(db: Executor, targetId: string, env: LightEnv): Promise<void> {
  const [t] = await db.select().from(targets).where(eq(targets.id, targetId));
  if (!t) return;
  // One after the other: inside a transaction the queries share one connection.
  const goals = await db.select().from(targetGoals).where(eq(targetGoals.targetId, targetId));
  const entered = await db.select().from(targetTrajectory).where(eq(targetTrajectory.targetId, targetId));
  // Every actual (a few dozen at most): a 当期值 target's year to date is the sum of its periods.
  const actuals = await db.select().from(targetActuals).where(eq(targetActuals.targetId, targetId));
  const blocked = await unresolvedBlockersOf(db, [targetId]);
  const [program] = await db.select({ startYear: programs.startYear }).from(plans).innerJoin(programs, eq(programs.id, plans.programId)).where(eq(plans.id, t.planId));
  const r = computeLight({ ...targetFacts(t, goals, entered, actuals, env.today), blockedBy: blocked.get(targetId) ?? null }, env.calendar, env.thresholds);
  const outlook = program ? storedVerdicts(t, program.startYear, Number(env.today.slice(0, 4)), goals, actuals) : null;
  await db.update(targets).set({ light: r.light, lightReasons: r.reasons, outlook, lightAt: clockNow() }).where(eq(targets.id, targetId));
}

/** A project's light: planned stage dates not yet reached are its milestones; reports are monthly. */
export async function refreshProjectLight(db: Executor, projectId: string, env: LightEnv): Promise<void> {
  const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!p) return;
  const investment = await yearInvestments(db, Number(env.today.slice(0, 4)), [projectId]);
  const blocked = await unresolvedBlockersOf(db, [projectId]);
  const r = computeLight({ ...projectFacts(p, env.today, investment.get(projectId) ?? null), blockedBy: blocked.get(projectId) ?? null }, env.calendar, env.thresholds);
  await db.update(projects).set({ light: r.light, lightReasons: r.reasons, lightAt: clockNow() }).where(eq(projects.id, projectId));
}

/** Recomputes the light of each item these refer to (after a blocker that holds them back moved). */
export async function refreshItemLights(db: Executor, items: readonly { itemType: string; itemId: string }[], env: LightEnv): Promise<void> {
  for (const i of items) {
    if (i.itemType === 'task') await refreshTaskLight(db, i.itemId, env);
    else if (i.itemType === 'target') await refreshTargetLight(db, i.itemId, env);
    else if (i.itemType === 'project') await refreshProjectLight(db, i.itemId, env);
  }
}

export { refreshAllLights } from './refreshAll.js';
