import Decimal from 'decimal.js';
import { asc, desc, eq, like, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/calendar/days.js';
import type { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import { computeLight, DEFAULT_THRESHOLDS, type LightFacts, type LightThresholds, type ReportPeriod } from '../../domain/lights.js';
import { trajectory } from '../../domain/targets.js';
import { PROJECT_STAGES } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import { milestones, projects, settings, targetActuals, targetGoals, targetTrajectory, targets, tasks } from '../db/schema/index.js';
import { loadCalendar } from '../queries/calendar.js';

/** What every light computation needs besides the item: today, the calendar, the thresholds. */
export interface LightEnv {
  today: string;
  calendar: WorkdayCalendar;
  thresholds: LightThresholds;
}

export async function lightEnv(db: Executor, now = new Date()): Promise<LightEnv> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'light_thresholds'));
  return {
    today: shanghaiDate(now),
    calendar: await loadCalendar(db),
    thresholds: { ...DEFAULT_THRESHOLDS, ...((row?.value as Partial<LightThresholds>) ?? {}) },
  };
}

type TaskRow = typeof tasks.$inferSelect;

function taskFacts(t: TaskRow, ms: (typeof milestones.$inferSelect)[], env: LightEnv): LightFacts {
  return {
    today: env.today,
    start: t.startDate,
    deadline: t.deadlineKind === 'date' ? t.deadline : t.deadlineKind === 'recurring' ? t.nextDue : null,
    done: t.done,
    progress: Number(t.progress),
    milestones: ms.map((m) => ({ name: m.name, due: m.due, done: !!m.doneOn })),
    lastReport: t.lastReportDate,
    reportPeriod: t.reportPeriod as ReportPeriod,
  };
}

/** Recomputes one task's light from its facts and stores it with its reasons. */
export async function refreshTaskLight(db: Executor, taskId: string, env: LightEnv): Promise<void> {
  const [t] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!t) return;
  const ms = await db.select().from(milestones).where(eq(milestones.taskId, taskId));
  const r = computeLight(taskFacts(t, ms, env), env.calendar, env.thresholds);
  await db.update(tasks).set({ light: r.light, lightReasons: r.reasons, lightAt: new Date() }).where(eq(tasks.id, taskId));
}

/**
 * After a task's progress changed: each ancestor's progress becomes the weighted mean of its
 * children's (done when all children are done), and its light is recomputed.
 */
export async function rollUpTask(db: Executor, taskId: string, env: LightEnv): Promise<void> {
  await refreshTaskLight(db, taskId, env);
  let [current] = await db.select({ parentId: tasks.parentId }).from(tasks).where(eq(tasks.id, taskId));
  while (current?.parentId) {
    const parentId = current.parentId;
    const children = await db.select({ progress: tasks.progress, weight: tasks.weight, done: tasks.done }).from(tasks).where(eq(tasks.parentId, parentId));
    const totalWeight = children.reduce((s, c) => s.plus(c.weight), new Decimal(0));
    const progress = totalWeight.isZero()
      ? new Decimal(0)
      : children.reduce((s, c) => s.plus(new Decimal(c.progress).times(c.weight)), new Decimal(0)).div(totalWeight);
    await db
      .update(tasks)
      .set({ progress: progress.toDecimalPlaces(2).toFixed(2), done: children.length > 0 && children.every((c) => c.done) })
      .where(eq(tasks.id, parentId));
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
  const [latest] = await db.select().from(targetActuals).where(eq(targetActuals.targetId, targetId)).orderBy(desc(targetActuals.period)).limit(1);
  const points = trajectory({
    baseline: t.baseline,
    goals: goals.map((g) => ({ year: g.year, goal: g.goal })),
    period: t.period as 'monthly' | 'quarterly',
    entered: new Map(entered.map((e) => [e.period, e.expected])),
  });
  const expected = latest ? points.find((p) => p.period === latest.period)?.expected : undefined;
  const firstYear = goals.map((g) => g.year).sort()[0];
  const r = computeLight(
    {
      today: env.today,
      start: firstYear ? `${firstYear}-01-01` : null,
      lastReport: latest ? shanghaiDate(latest.acceptedAt) : null,
      reportPeriod: t.period as ReportPeriod,
      target: latest && expected ? { direction: t.direction as 'higher' | 'lower', baseline: Number(t.baseline), actual: Number(latest.value), expected: Number(expected), period: latest.period } : null,
    },
    env.calendar,
    env.thresholds,
  );
  await db.update(targets).set({ light: r.light, lightReasons: r.reasons, lightAt: new Date() }).where(eq(targets.id, targetId));
}

const STAGE_NAMES: Record<string, string> = { planning: '谋划', signed: '签约', started: '开工', building: '在建', operating: '投产' };

/** A project's light: planned stage dates not yet reached are its milestones; reports are monthly. */
export async function refreshProjectLight(db: Executor, projectId: string, env: LightEnv): Promise<void> {
  const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!p) return;
  const dates = (p.stageDates ?? {}) as Record<string, { planned?: string; actual?: string }>;
  const reached = PROJECT_STAGES.indexOf(p.stage as (typeof PROJECT_STAGES)[number]);
  const r = computeLight(
    {
      today: env.today,
      start: dates.planning?.actual ?? dates.planning?.planned ?? null,
      done: p.stage === 'operating',
      milestones: PROJECT_STAGES.map((s, i) => ({ name: STAGE_NAMES[s]!, due: dates[s]?.planned ?? null, done: i <= reached })),
      lastReport: p.lastReportDate,
      reportPeriod: 'monthly',
    },
    env.calendar,
    env.thresholds,
  );
  await db.update(projects).set({ light: r.light, lightReasons: r.reasons, lightAt: new Date() }).where(eq(projects.id, projectId));
}

/** The midnight job: time passed, so every light is recomputed (in pages, leaves first). */
export async function refreshAllLights(db: Executor, env: LightEnv): Promise<{ tasks: number; targets: number; projects: number }> {
  const taskIds = await db.select({ id: tasks.id }).from(tasks).orderBy(desc(tasks.depth));
  for (const { id } of taskIds) await refreshTaskLight(db, id, env);
  const targetIds = await db.select({ id: targets.id }).from(targets);
  for (const { id } of targetIds) await refreshTargetLight(db, id, env);
  const projectIds = await db.select({ id: projects.id }).from(projects);
  for (const { id } of projectIds) await refreshProjectLight(db, id, env);
  return { tasks: taskIds.length, targets: targetIds.length, projects: projectIds.length };
}

/** Ids of a task and all its descendants (path prefix). */
export async function subtreeIds(db: Executor, taskId: string): Promise<string[]> {
  const [t] = await db.select({ path: tasks.path }).from(tasks).where(eq(tasks.id, taskId));
  if (!t) return [];
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(sql`${tasks.path} = ${t.path} or ${like(tasks.path, `${t.path}.%`)}`)
    .orderBy(asc(tasks.depth));
  return rows.map((r) => r.id);
}

