import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { shanghaiDate, dayNumber, fromDayNumber, type IsoDate } from '../../domain/calendar/days.js';
import { blockerAge, type BlockerAge } from '../../domain/dashboard.js';
import { workdaysAtLevel } from '../../domain/blockerEscalation.js';
import { UNRESOLVED_BLOCKER_STATUSES, type BlockerLevel } from '../../domain/schemas/blocker.js';
import type { ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { DashboardFacts } from '../models/dashboard.js';
import type { OutlookFacts } from '../models/planning.js';
import type { TargetVerdicts } from '../../domain/targetOutlook.js';
import { lightMovement } from './dashboardMovement.js';
import { andSlice, type SliceSql } from './dashboardSlice.js';
import { blockers, plans, programs, reports, targets } from '../db/schema/index.js';
import { currentCalendar } from './calendar.js';
import { dashboardLights } from './dashboardLights.js';

/** The start of a day in Asia/Shanghai as an instant (periods are whole days there). */
const dayStart = (d: IsoDate) => new Date(`${d}T00:00:00+08:00`);
const OVERDUE = sql`'[{"code":"overdue"}]'::jsonb`;

/**
 * Items past their deadline (their light says so), worst first: the panel's counts and its ten
 * top lines, chosen in the database (a district can have hundreds overdue after a holiday).
 */
async function overdueItems(db: Executor, s: SliceSql) {
  const workdays = sql`(select (r->'params'->>'workdays')::int from jsonb_array_elements(light_reasons) r where r->>'code' = 'overdue' limit 1)`;
  const { rows } = (await db.execute(sql`
    with o as (
      select 'task' as "itemType", id as "itemId", code, title, ${workdays} as workdays from tasks where light_reasons @> ${OVERDUE} ${andSlice(s.task)}
      union all select 'target', id, code, name, ${workdays} from targets where light_reasons @> ${OVERDUE} ${andSlice(s.target)}
      union all select 'project', id, code, name, ${workdays} from projects where light_reasons @> ${OVERDUE} ${andSlice(s.project)}
    )
    (select 'count' as line, "itemType", null::uuid as "itemId", null as code, null as title, count(*)::int as workdays from o group by "itemType")
    union all
    (select 'line', "itemType", "itemId", code, title, coalesce(workdays, 0) from o order by coalesce(workdays, 0) desc, code, "itemId" limit 10)`)) as unknown as {
    rows: { line: 'count' | 'line'; itemType: ItemType; itemId: string; code: string; title: string; workdays: number }[];
  };
  const n = (t: ItemType) => Number(rows.find((r) => r.line === 'count' && r.itemType === t)?.workdays ?? 0);
  const worst = rows.filter((r) => r.line === 'line').map((r) => ({ itemType: r.itemType, itemId: r.itemId, code: r.code, title: r.title, workdays: Number(r.workdays) }));
  return { task: n('task'), target: n('target'), project: n('project'), worst };
}

/** Unresolved blockers by level and age (workdays at their level), and the period's flow in and out. */
async function blockerPanel(db: Executor, s: SliceSql, today: IsoDate, start: Date, end: Date) {
  const [calendar, waiting, [flow]] = await Promise.all([
    currentCalendar(db),
    db.select({ level: blockers.level, since: blockers.levelSince }).from(blockers).where(and(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]), s.blocker)),
    db
      .select({
        toVerify: sql<number>`count(*) filter (where ${blockers.status} = 'resolved')::int`,
        raised: sql<number>`count(*) filter (where ${blockers.raisedAt} >= ${start} and ${blockers.raisedAt} < ${end})::int`,
        closed: sql<number>`count(*) filter (where ${blockers.verifiedAt} >= ${start} and ${blockers.verifiedAt} < ${end})::int`,
      })
      .from(blockers)
      .where(s.blocker),
  ]);
  const cells = new Map<string, { level: BlockerLevel; age: BlockerAge; n: number }>();
  for (const b of waiting) {
    const age = blockerAge(workdaysAtLevel(shanghaiDate(b.since), today, calendar));
    const key = `${b.level}:${age}`;
    const cell = cells.get(key) ?? { level: b.level as BlockerLevel, age, n: 0 };
    cell.n++;
    cells.set(key, cell);
  }
  return { unresolved: [...cells.values()], toVerify: Number(flow?.toVerify ?? 0), raisedInPeriod: Number(flow?.raised ?? 0), closedInPeriod: Number(flow?.closed ?? 0) };
}

/**
 * Every target's verdicts for this year and for its program's first year (首战告捷). Each target
 * keeps them beside its light (`targets.outlook`, written by whatever recomputes the light); only a
 * target whose stored verdicts are of other years (none yet, the new year before the midnight run,
 * a program's first year moved) has its goals and actuals read, so that the presenter decides it.
 */
async function targetPanel(db: Executor, s: SliceSql, year: number) {
  const rows = await db
    .select({ id: targets.id, code: targets.code, name: targets.name, baseline: targets.baseline, period: targets.period, direction: targets.direction, accumulation: targets.accumulation, startYear: programs.startYear, outlook: targets.outlook })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(programs, eq(programs.id, plans.programId))
    .where(s.target)
    // In code order: the reply names only the first twelve missing 首战告捷, the same ones every time.
    .orderBy(targets.code, targets.id);
  const [program] = await db.select({ yearGoals: programs.yearGoals }).from(programs).orderBy(programs.startYear).limit(1);
  const firstYear = rows.length ? Math.min(...rows.map((r) => r.startYear)) : year;
  // The first year counted is the oldest program's (one program per district; with more, a later
  // program's targets are judged on that year too, as before, and so never read as stored).
  const fresh = (o: unknown): o is TargetVerdicts => {
    const v = o as TargetVerdicts | null;
    return !!v && v.year === year && v.firstYear === firstYear;
  };
  const stale = rows.filter((r) => !fresh(r.outlook)).map((r) => r.id);
  const facts = stale.length
    ? ((await db.execute(sql`
      select 'goal' as k, target_id as "targetId", year::text as period, goal::text as value from target_goals where target_id in ${sql`(${sql.join(stale.map((id) => sql`${id}::uuid`), sql`, `)})`}
      union all
      select 'actual', target_id, period, value::text from target_actuals
      where target_id in ${sql`(${sql.join(stale.map((id) => sql`${id}::uuid`), sql`, `)})`} and period >= ${String(firstYear - 1)} and period < ${String(year + 1)}`)) as unknown as {
        rows: { k: 'goal' | 'actual'; targetId: string; period: string; value: string }[];
      }).rows
    : [];
  // Period keys sort as text: "2025" ≤ "2025-01" … "2026-Q4" < "2027".
  const outlookFacts = (y: number) => {
    const out = new Map<string, OutlookFacts>(stale.map((id) => [id, { goals: [], actuals: [], latest: null }]));
    for (const f of facts) {
      const o = out.get(f.targetId);
      if (!o) continue;
      if (f.k === 'goal') o.goals.push({ year: Number(f.period), goal: f.value });
      else if (f.period >= String(y - 1) && f.period < String(y + 1)) o.actuals.push({ period: f.period, value: f.value });
    }
    return out;
  };
  const thisYear = outlookFacts(year);
  return {
    rows: rows.map((r) => ({ ...r, stored: fresh(r.outlook) ? r.outlook : null, yearGoals: program?.yearGoals ?? [] })),
    firstYear,
    thisYear,
    first: firstYear === year ? thisYear : outlookFacts(firstYear),
  };
}

/**
 * This year's investment by stage (projects, planned, done) and done by month, in one statement
 * (万元, exact decimals as text); the year's plan is the stages' sum. The months are summed once,
 * per stage and per month together (grouping sets), not per project first and then twice again.
 */
async function investmentPanel(db: Executor, s: SliceSql, year: number) {
  const { rows } = (await db.execute(sql`
    select 'stage' as k, projects.stage as key, count(*)::int as n, coalesce(sum(yp.planned), 0)::text as planned, null as done
      from projects left join project_year_plans yp on yp.project_id = projects.id and yp.year = ${year}
      ${s.project ? sql`where ${s.project}` : sql``}
      group by projects.stage
    union all
    select case when grouping(projects.stage) = 0 then 'done' else 'month' end, case when grouping(projects.stage) = 0 then projects.stage else pm.month end, 0, '0', sum(pm.done)::text
      from project_months pm join projects on projects.id = pm.project_id
      where pm.month like ${`${year}-%`} ${andSlice(s.project)}
      group by grouping sets ((projects.stage), (pm.month))
    order by 1, 2`)) as unknown as { rows: { k: 'stage' | 'done' | 'month'; key: string; n: number; planned: string; done: string | null }[] };
  const done = new Map(rows.filter((r) => r.k === 'done').map((r) => [r.key, r.done]));
  return {
    byMonth: rows.filter((r) => r.k === 'month').map((r) => ({ month: r.key, done: r.done! })),
    byStage: rows.filter((r) => r.k === 'stage').map((r) => ({ stage: r.key, n: Number(r.n), planned: r.planned, done: done.get(r.key) ?? '0' })),
  };
}

/** What the dashboard reads, in a fixed number of queries whatever the district's size. */
export async function dashboardFacts(db: Executor, s: SliceSql, today: IsoDate, from: IsoDate, to: IsoDate): Promise<DashboardFacts> {
  const year = Number(today.slice(0, 4));
  // The period as instants: from its first day's start to the start of the day after its last.
  const start = dayStart(from);
  const end = dayStart(fromDayNumber(dayNumber(to) + 1));
  const [counted, overdue, blockerCounts, targetFacts, investment, [activity], moved] = await Promise.all([
    dashboardLights(db, s),
    overdueItems(db, s),
    blockerPanel(db, s, today, start, end),
    targetPanel(db, s, year),
    investmentPanel(db, s, year),
    db
      .select({
        accepted: sql<number>`count(*) filter (where ${reports.acceptedAt} >= ${start} and ${reports.acceptedAt} < ${end})::int`,
        submitted: sql<number>`count(*) filter (where ${reports.submittedAt} >= ${start} and ${reports.submittedAt} < ${end})::int`,
      })
      .from(reports)
      .where(and(or(and(gte(reports.acceptedAt, start), lt(reports.acceptedAt, end)), and(gte(reports.submittedAt, start), lt(reports.submittedAt, end))), s.report)),
    lightMovement(db, s, start, end),
  ]);
  return {
    year,
    ...counted,
    moved: moved.byGroup,
    overdue,
    blockers: blockerCounts,
    targets: targetFacts,
    investment,
    activity: { reportsAccepted: Number(activity?.accepted ?? 0), reportsSubmitted: Number(activity?.submitted ?? 0) },
    movement: moved.totals,
  };
}
