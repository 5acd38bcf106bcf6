import { and, count, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import { shanghaiDate, dayNumber, fromDayNumber, type IsoDate } from '../../domain/calendar/days.js';
import { blockerAge, type BlockerAge } from '../../domain/dashboard.js';
import { workdaysAtLevel } from '../../domain/blockerEscalation.js';
import type { LightReason } from '../../domain/lights.js';
import { UNRESOLVED_BLOCKER_STATUSES, type BlockerLevel } from '../../domain/schemas/blocker.js';
import { ITEM_TYPES, type ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { DashboardFacts, LightMovement } from '../models/dashboard.js';
import { blockers, lightChanges, plans, programs, projectMonths, projects, projectYearPlans, reports, targets, tasks } from '../db/schema/index.js';
import { currentCalendar } from './calendar.js';
import { countLights } from './planning/lights.js';
import { lightRollup } from './planning/rollup.js';
import { loadOutlookFacts } from './planning/targets.js';

/** The start of a day in Asia/Shanghai as an instant (periods are whole days there). */
const dayStart = (d: IsoDate) => new Date(`${d}T00:00:00+08:00`);
const OVERDUE = sql`'[{"code":"overdue"}]'::jsonb`;

/** Items past their deadline (their light says so), worst first: the panel's count and its top lines. */
async function overdueItems(db: Executor) {
  const [ts, tg, ps] = await Promise.all([
    db.select({ id: tasks.id, code: tasks.code, title: tasks.title, reasons: tasks.lightReasons }).from(tasks).where(sql`${tasks.lightReasons} @> ${OVERDUE}`),
    db.select({ id: targets.id, code: targets.code, title: targets.name, reasons: targets.lightReasons }).from(targets).where(sql`${targets.lightReasons} @> ${OVERDUE}`),
    db.select({ id: projects.id, code: projects.code, title: projects.name, reasons: projects.lightReasons }).from(projects).where(sql`${projects.lightReasons} @> ${OVERDUE}`),
  ]);
  const line = (itemType: ItemType) => (r: { id: string; code: string; title: string; reasons: unknown }) => ({
    itemType,
    itemId: r.id,
    code: r.code,
    title: r.title,
    workdays: Number((r.reasons as LightReason[]).find((x) => x.code === 'overdue')?.params.workdays ?? 0),
  });
  const all = [...ts.map(line('task')), ...tg.map(line('target')), ...ps.map(line('project'))].sort((a, b) => b.workdays - a.workdays || a.code.localeCompare(b.code));
  return { task: ts.length, target: tg.length, project: ps.length, worst: all.slice(0, 10) };
}

/** Unresolved blockers by level and age (workdays at their level), and the period's flow in and out. */
async function blockerPanel(db: Executor, today: IsoDate, start: Date, end: Date) {
  const [calendar, waiting, [toVerify], [raised], [closed]] = await Promise.all([
    currentCalendar(db),
    db.select({ level: blockers.level, since: blockers.levelSince }).from(blockers).where(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES])),
    db.select({ n: count() }).from(blockers).where(eq(blockers.status, 'resolved')),
    db.select({ n: count() }).from(blockers).where(and(gte(blockers.raisedAt, start), lt(blockers.raisedAt, end))),
    db.select({ n: count() }).from(blockers).where(and(gte(blockers.verifiedAt, start), lt(blockers.verifiedAt, end))),
  ]);
  const cells = new Map<string, { level: BlockerLevel; age: BlockerAge; n: number }>();
  for (const b of waiting) {
    const age = blockerAge(workdaysAtLevel(shanghaiDate(b.since), today, calendar));
    const key = `${b.level}:${age}`;
    const cell = cells.get(key) ?? { level: b.level as BlockerLevel, age, n: 0 };
    cell.n++;
    cells.set(key, cell);
  }
  return { unresolved: [...cells.values()], toVerify: Number(toVerify?.n ?? 0), raisedInPeriod: Number(raised?.n ?? 0), closedInPeriod: Number(closed?.n ?? 0) };
}

/** Every target's outlook for this year and for its program's first year (首战告捷). */
async function targetPanel(db: Executor, year: number) {
  const rows = await db
    .select({ id: targets.id, code: targets.code, name: targets.name, baseline: targets.baseline, period: targets.period, direction: targets.direction, accumulation: targets.accumulation, startYear: programs.startYear, yearGoals: programs.yearGoals })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(programs, eq(programs.id, plans.programId));
  const firstYear = rows.length ? Math.min(...rows.map((r) => r.startYear)) : year;
  const ids = rows.map((r) => r.id);
  const [thisYear, first] = await Promise.all([loadOutlookFacts(db, ids, year), firstYear === year ? null : loadOutlookFacts(db, ids, firstYear)]);
  return { rows, firstYear, thisYear, first: first ?? thisYear };
}

/** This year's planned investment and what was done, by month and by stage (万元, exact decimals as text). */
async function investmentPanel(db: Executor, year: number) {
  const [planned, months, stages] = await Promise.all([
    db.select({ total: sql<string>`coalesce(sum(${projectYearPlans.planned}), 0)::text` }).from(projectYearPlans).where(eq(projectYearPlans.year, year)),
    db
      .select({ month: projectMonths.month, done: sql<string>`sum(${projectMonths.done})::text` })
      .from(projectMonths)
      .where(like(projectMonths.month, `${year}-%`))
      .groupBy(projectMonths.month)
      .orderBy(projectMonths.month),
    db.execute(sql`
      select p.stage, count(*)::int as n,
        coalesce(sum(yp.planned), 0)::text as planned,
        coalesce(sum(m.done), 0)::text as done
      from ${projects} p
      left join ${projectYearPlans} yp on yp.project_id = p.id and yp.year = ${year}
      left join (select project_id, sum(done) as done from ${projectMonths} where month like ${`${year}-%`} group by project_id) m on m.project_id = p.id
      group by p.stage`),
  ]);
  return {
    planned: planned[0]?.total ?? '0',
    byMonth: months,
    byStage: (stages as unknown as { rows: { stage: string; n: number; planned: string; done: string }[] }).rows,
  };
}

/**
 * How the lights moved in the period, from their history: each item counted once per light it turned
 * to (to green only from red or yellow: a recovery), and the items that turned red in it and are red
 * still, the latest first.
 */
async function lightMovement(db: Executor, start: Date, end: Date): Promise<LightMovement> {
  const inPeriod = and(gte(lightChanges.at, start), lt(lightChanges.at, end));
  const moved = await db
    .select({ toLight: lightChanges.toLight, fromLight: lightChanges.fromLight, n: sql<number>`count(distinct ${lightChanges.itemId})::int` })
    .from(lightChanges)
    .where(inPeriod)
    .groupBy(lightChanges.toLight, lightChanges.fromLight);
  const sum = (test: (m: { toLight: string; fromLight: string }) => boolean) => moved.filter(test).reduce((a, m) => a + Number(m.n), 0);
  // The ten latest still red, chosen in SQL: a period can hold hundreds of turns to red (the midnight
  // run after a holiday), and reading each item to keep ten doubled the dashboard's time.
  const code = sql<string>`coalesce(${tasks.code}, ${targets.code}, ${projects.code})`;
  const title = sql<string>`coalesce(${tasks.title}, ${targets.name}, ${projects.name})`;
  const red = await db
    .select({ itemType: lightChanges.itemType, itemId: lightChanges.itemId, code, title, at: sql<Date>`max(${lightChanges.at})` })
    .from(lightChanges)
    .leftJoin(tasks, and(eq(lightChanges.itemType, 'task'), eq(tasks.id, lightChanges.itemId)))
    .leftJoin(targets, and(eq(lightChanges.itemType, 'target'), eq(targets.id, lightChanges.itemId)))
    .leftJoin(projects, and(eq(lightChanges.itemType, 'project'), eq(projects.id, lightChanges.itemId)))
    .where(and(inPeriod, eq(lightChanges.toLight, 'red'), sql`coalesce(${tasks.light}, ${targets.light}, ${projects.light}) = 'red'`))
    .groupBy(lightChanges.itemType, lightChanges.itemId, code, title)
    .orderBy(sql`max(${lightChanges.at}) desc`, lightChanges.itemId)
    .limit(10);
  const newlyRed = red.map((r) => ({ itemType: r.itemType as ItemType, itemId: r.itemId, code: r.code, title: r.title, at: new Date(r.at).toISOString() }));
  return {
    turnedRed: sum((m) => m.toLight === 'red'),
    turnedYellow: sum((m) => m.toLight === 'yellow'),
    recovered: sum((m) => m.toLight === 'green' && (m.fromLight === 'red' || m.fromLight === 'yellow')),
    done: sum((m) => m.toLight === 'done'),
    newlyRed,
  };
}

/** What the dashboard reads, in a fixed number of queries whatever the district's size. */
export async function dashboardFacts(db: Executor, today: IsoDate, from: IsoDate, to: IsoDate): Promise<DashboardFacts> {
  const year = Number(today.slice(0, 4));
  // The period as instants: from its first day's start to the start of the day after its last.
  const start = dayStart(from);
  const end = dayStart(fromDayNumber(dayNumber(to) + 1));
  const [taskLights, targetLights, projectLights, byArea, byTaskForce, overdue, blockerCounts, targetFacts, investment, [accepted], [submitted], movement] = await Promise.all([
    countLights(db, tasks, undefined),
    countLights(db, targets, undefined),
    countLights(db, projects, undefined),
    lightRollup(db, 'area', ITEM_TYPES),
    lightRollup(db, 'taskForce', ITEM_TYPES),
    overdueItems(db),
    blockerPanel(db, today, start, end),
    targetPanel(db, year),
    investmentPanel(db, year),
    db.select({ n: count() }).from(reports).where(and(gte(reports.acceptedAt, start), lt(reports.acceptedAt, end))),
    db.select({ n: count() }).from(reports).where(and(gte(reports.submittedAt, start), lt(reports.submittedAt, end))),
    lightMovement(db, start, end),
  ]);
  return {
    year,
    lights: { task: taskLights, target: targetLights, project: projectLights },
    byArea,
    byTaskForce,
    overdue,
    blockers: blockerCounts,
    targets: targetFacts,
    investment,
    activity: { reportsAccepted: Number(accepted?.n ?? 0), reportsSubmitted: Number(submitted?.n ?? 0) },
    movement,
  };
}
