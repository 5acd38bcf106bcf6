import { and, count, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import { shanghaiDate, dayNumber, fromDayNumber, type IsoDate } from '../../domain/calendar/days.js';
import { blockerAge, type BlockerAge } from '../../domain/dashboard.js';
import { workdaysAtLevel } from '../../domain/blockerEscalation.js';
import type { LightReason } from '../../domain/lights.js';
import { UNRESOLVED_BLOCKER_STATUSES, type BlockerLevel } from '../../domain/schemas/blocker.js';
import { ITEM_TYPES, type ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { DashboardFacts } from '../models/dashboard.js';
import { lightMovement, movementByGroup } from './dashboardMovement.js';
import type { SliceSql } from './dashboardSlice.js';
import { blockers, plans, programs, projectMonths, projects, projectYearPlans, reports, targets, tasks } from '../db/schema/index.js';
import { currentCalendar } from './calendar.js';
import { countLights } from './planning/lights.js';
import { lightRollup } from './planning/rollup.js';
import { loadOutlookFacts } from './planning/targets.js';

/** The start of a day in Asia/Shanghai as an instant (periods are whole days there). */
const dayStart = (d: IsoDate) => new Date(`${d}T00:00:00+08:00`);
const OVERDUE = sql`'[{"code":"overdue"}]'::jsonb`;

/** Items past their deadline (their light says so), worst first: the panel's count and its top lines. */
async function overdueItems(db: Executor, s: SliceSql) {
  const [ts, tg, ps] = await Promise.all([
    db.select({ id: tasks.id, code: tasks.code, title: tasks.title, reasons: tasks.lightReasons }).from(tasks).where(and(sql`${tasks.lightReasons} @> ${OVERDUE}`, s.task)),
    db.select({ id: targets.id, code: targets.code, title: targets.name, reasons: targets.lightReasons }).from(targets).where(and(sql`${targets.lightReasons} @> ${OVERDUE}`, s.target)),
    db.select({ id: projects.id, code: projects.code, title: projects.name, reasons: projects.lightReasons }).from(projects).where(and(sql`${projects.lightReasons} @> ${OVERDUE}`, s.project)),
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
async function blockerPanel(db: Executor, s: SliceSql, today: IsoDate, start: Date, end: Date) {
  const [calendar, waiting, [toVerify], [raised], [closed]] = await Promise.all([
    currentCalendar(db),
    db.select({ level: blockers.level, since: blockers.levelSince }).from(blockers).where(and(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]), s.blocker)),
    db.select({ n: count() }).from(blockers).where(and(eq(blockers.status, 'resolved'), s.blocker)),
    db.select({ n: count() }).from(blockers).where(and(gte(blockers.raisedAt, start), lt(blockers.raisedAt, end), s.blocker)),
    db.select({ n: count() }).from(blockers).where(and(gte(blockers.verifiedAt, start), lt(blockers.verifiedAt, end), s.blocker)),
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
async function targetPanel(db: Executor, s: SliceSql, year: number) {
  const rows = await db
    .select({ id: targets.id, code: targets.code, name: targets.name, baseline: targets.baseline, period: targets.period, direction: targets.direction, accumulation: targets.accumulation, startYear: programs.startYear, yearGoals: programs.yearGoals })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(programs, eq(programs.id, plans.programId))
    .where(s.target);
  const firstYear = rows.length ? Math.min(...rows.map((r) => r.startYear)) : year;
  const ids = rows.map((r) => r.id);
  const [thisYear, first] = await Promise.all([loadOutlookFacts(db, ids, year), firstYear === year ? null : loadOutlookFacts(db, ids, firstYear)]);
  return { rows, firstYear, thisYear, first: first ?? thisYear };
}

/** This year's planned investment and what was done, by month and by stage (万元, exact decimals as text). */
async function investmentPanel(db: Executor, s: SliceSql, year: number) {
  // A slice counts its own projects' money; the whole district needs no join.
  const sliced = s.project ? sql`and ${s.project}` : sql``;
  const [planned, months, stages] = await Promise.all([
    s.project
      ? db
          .select({ total: sql<string>`coalesce(sum(${projectYearPlans.planned}), 0)::text` })
          .from(projectYearPlans)
          .innerJoin(projects, eq(projects.id, projectYearPlans.projectId))
          .where(and(eq(projectYearPlans.year, year), s.project))
      : db.select({ total: sql<string>`coalesce(sum(${projectYearPlans.planned}), 0)::text` }).from(projectYearPlans).where(eq(projectYearPlans.year, year)),
    s.project
      ? db
          .select({ month: projectMonths.month, done: sql<string>`sum(${projectMonths.done})::text` })
          .from(projectMonths)
          .innerJoin(projects, eq(projects.id, projectMonths.projectId))
          .where(and(like(projectMonths.month, `${year}-%`), s.project))
          .groupBy(projectMonths.month)
          .orderBy(projectMonths.month)
      : db
          .select({ month: projectMonths.month, done: sql<string>`sum(${projectMonths.done})::text` })
          .from(projectMonths)
          .where(like(projectMonths.month, `${year}-%`))
          .groupBy(projectMonths.month)
          .orderBy(projectMonths.month),
    db.execute(sql`
      select projects.stage, count(*)::int as n,
        coalesce(sum(yp.planned), 0)::text as planned,
        coalesce(sum(m.done), 0)::text as done
      from ${projects}
      left join ${projectYearPlans} yp on yp.project_id = projects.id and yp.year = ${year}
      left join (select project_id, sum(done) as done from ${projectMonths} where month like ${`${year}-%`} group by project_id) m on m.project_id = projects.id
      where true ${sliced}
      group by projects.stage`),
  ]);
  return {
    planned: planned[0]?.total ?? '0',
    byMonth: months,
    byStage: (stages as unknown as { rows: { stage: string; n: number; planned: string; done: string }[] }).rows,
  };
}

/** What the dashboard reads, in a fixed number of queries whatever the district's size. */
export async function dashboardFacts(db: Executor, s: SliceSql, today: IsoDate, from: IsoDate, to: IsoDate): Promise<DashboardFacts> {
  const year = Number(today.slice(0, 4));
  // The period as instants: from its first day's start to the start of the day after its last.
  const start = dayStart(from);
  const end = dayStart(fromDayNumber(dayNumber(to) + 1));
  const items = { task: s.task, target: s.target, project: s.project };
  const [taskLights, targetLights, projectLights, byPlan, byArea, byTaskForce, byUnit, overdue, blockerCounts, targetFacts, investment, [accepted], [submitted], movement, moved] = await Promise.all([
    countLights(db, tasks, s.task),
    countLights(db, targets, s.target),
    countLights(db, projects, s.project),
    lightRollup(db, 'plan', ITEM_TYPES, items),
    lightRollup(db, 'area', ITEM_TYPES, items),
    lightRollup(db, 'taskForce', ITEM_TYPES, items),
    lightRollup(db, 'unit', ITEM_TYPES, items),
    overdueItems(db, s),
    blockerPanel(db, s, today, start, end),
    targetPanel(db, s, year),
    investmentPanel(db, s, year),
    db.select({ n: count() }).from(reports).where(and(gte(reports.acceptedAt, start), lt(reports.acceptedAt, end), s.report)),
    db.select({ n: count() }).from(reports).where(and(gte(reports.submittedAt, start), lt(reports.submittedAt, end), s.report)),
    lightMovement(db, s, start, end),
    movementByGroup(db, s, start, end),
  ]);
  return {
    year,
    lights: { task: taskLights, target: targetLights, project: projectLights },
    byPlan,
    byArea,
    byTaskForce,
    byUnit,
    moved,
    overdue,
    blockers: blockerCounts,
    targets: targetFacts,
    investment,
    activity: { reportsAccepted: Number(accepted?.n ?? 0), reportsSubmitted: Number(submitted?.n ?? 0) },
    movement,
  };
}
