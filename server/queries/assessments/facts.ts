import Decimal from 'decimal.js';
import { sql } from 'drizzle-orm';
import { dayNumber, fromDayNumber } from '../../../domain/calendar/days.js';
import { periodRange } from '../../../domain/periods.js';
import type { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { emptyFacts, type DeadlineFact, type UnitFacts } from '../../../domain/scoring/facts.js';
import { filedKey, owedReports, type ReportObligation } from '../../../domain/scoring/owedReports.js';
import { assessmentPeriodRange, type AssessmentCategory } from '../../../domain/scoring/scheme.js';
import type { Executor } from '../../db/client.js';

/** The unit kinds of each category (domain/scoring/scheme.ts categoryOfUnitKind, as SQL lists). */
const KINDS: Record<AssessmentCategory, string[]> = { departments: ['department', 'committee', 'park'], streets_towns: ['subdistrict', 'town'] };

type Row = Record<string, unknown>;
const rowsOf = async (db: Executor, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
const day = (col: string) => sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`);

function push<K extends keyof UnitFacts>(by: Map<string, UnitFacts>, unitId: unknown, key: K, fact: UnitFacts[K] extends readonly (infer F)[] ? F : never) {
  const f = by.get(String(unitId));
  if (f) (f[key] as unknown[]).push(fact);
}

const deadline = (r: Row): DeadlineFact => ({ ref: String(r.ref), title: String(r.title), detail: String(r.detail ?? ''), due: String(r.due), doneOn: r.done_on ? String(r.done_on) : null });

/**
 * Everything the engine scores a category's units from for one period, gathered set-based (one
 * statement per source for every unit at once): reports due in the period, tasks led and milestones
 * due in it, targets against their trajectory, projects' investment year to date, rectifications,
 * blockers given to the unit, replies to orders, and what the assessor entered for the scheme.
 */
export async function gatherFacts(db: Executor, schemeId: string, regionId: string, category: AssessmentCategory, period: string, cal: WorkdayCalendar): Promise<UnitFacts[]> {
  const range = assessmentPeriodRange(period)!;
  const { start, end } = range;
  const kinds = sql.join(KINDS[category].map((k) => sql`${k}`), sql`, `);
  // The units of the scheme's region only: a district ranks its own.
  const ids = sql`(select id from org_units where not disabled and region_id = ${regionId} and kind in (${kinds}))`;
  // The reports are read a month either side of the period too: what was filed there (by its period)
  // is not owed. The bounds are computed here: as expressions they were worked out again for each of
  // the table's rows, which cost more than the scan.
  const from = fromDayNumber(dayNumber(start) - 31);
  const to = fromDayNumber(dayNumber(end) + 31);
  const units = await rowsOf(db, sql`select id, name from org_units where not disabled and region_id = ${regionId} and kind in (${kinds}) order by sort, name`);
  if (units.length === 0) return [];
  const reports = await rowsOf(
    db,
    sql`select r.id as ref, r.unit_id, r.item_type, r.item_id, r.period as detail, r.due_date as due, ${day('r.submitted_at')} as done_on
          from reports r where r.unit_id in ${ids} and r.due_date between ${from} and ${to} order by r.due_date, r.id`,
  );
  // The item's name is read once per item, not once per report: a year has some 50,000 reports of a
  // few thousand items, and the joined names were most of what the statement carried.
  const titles = await itemNames(db, reports);
  const obligations = await reportObligations(db, ids);
  const tasks = await rowsOf(
    db,
    sql`select id as ref, lead_unit_id as unit_id, code || ' ' || title as title, 'task' as detail, deadline as due, case when done then last_report_date end as done_on
          from tasks where lead_unit_id in ${ids} and deadline_kind = 'date' and deadline between ${start} and ${end}
        union all
        select m.id, coalesce(m.unit_id, t.lead_unit_id), t.code || ' ' || t.title || '：' || m.name, 'milestone', m.due, m.done_on
          from milestones m join tasks t on t.id = m.task_id
         where coalesce(m.unit_id, t.lead_unit_id) in ${ids} and m.due between ${start} and ${end}
         order by due, ref`,
  );
  const targets = await targetRows(db, ids, period.slice(0, 4));
  const projects = await projectRows(db, ids, Number(period.slice(0, 4)), end);
  const rectifications = await rowsOf(
    db,
    sql`select id as ref, unit_id, finding as title, '' as detail, deadline as due,
               case when status in ('submitted', 'verified', 'closed') then ${day('rectified_at')} end as done_on
          from ledger_entries where unit_id in ${ids} and deadline between ${start} and ${end} order by deadline, id`,
  );
  const blockers = await rowsOf(
    db,
    sql`select id as ref, resolver_unit_id as unit_id, title, '' as detail, due_date as due,
               case when status in ('resolved', 'closed') then ${day('resolved_at')} end as done_on
          from blockers where resolver_unit_id in ${ids} and due_date between ${start} and ${end} order by due_date, id`,
  );
  const replies = await rowsOf(
    db,
    sql`select d.id as ref, dr.unit_id, d.title, d.kind as detail, d.deadline as due, ${day('dr.replied_at')} as done_on
          from dispatch_recipients dr join dispatches d on d.id = dr.dispatch_id
         where dr.unit_id in ${ids} and d.status <> 'draft' and d.deadline between ${start} and ${end} order by d.deadline, d.id`,
  );
  const adjustments = await rowsOf(
    db,
    sql`select id, unit_id, kind, points::text as points, reason, evidence_sha256 from assessment_adjustments
         where scheme_id = ${schemeId} and period = ${period} and status = 'approved' order by created_at, id`,
  );
  const by = new Map(units.map((u) => [String(u.id), emptyFacts(String(u.id), String(u.name))]));

  const filed = new Set<string>();
  for (const r of reports) {
    filed.add(filedKey(String(r.unit_id), String(r.item_id), String(r.detail)));
    if (String(r.due) >= start && String(r.due) <= end) push(by, r.unit_id, 'reports', deadline({ ...r, title: titles.get(`${String(r.item_type)}|${String(r.item_id)}`) ?? '' }));
  }
  // A report never filed is owed all the same, as the unit's workbench asks for it.
  for (const { unitId, fact } of owedReports(obligations, filed, range, cal)) push(by, unitId, 'reports', fact);
  for (const r of tasks) push(by, r.unit_id, 'tasks', deadline(r));
  addTargets(by, targets, end);
  addProjects(by, projects, end);
  for (const r of rectifications) push(by, r.unit_id, 'rectifications', deadline(r));
  for (const r of blockers) push(by, r.unit_id, 'blockers', deadline(r));
  for (const r of replies) push(by, r.unit_id, 'replies', deadline(r));
  for (const r of adjustments) {
    const f = by.get(String(r.unit_id));
    if (!f) continue;
    if (r.kind === 'evaluation') f.evaluation = { score: String(r.points), note: String(r.reason) };
    else (f.adjustments as unknown[]).push({ ref: String(r.id), points: r.kind === 'deduction' ? new Decimal(String(r.points)).neg().toFixed(2) : String(r.points), reason: String(r.reason), evidence: (r.evidence_sha256 as string | null) ?? null });
  }
  return [...by.values()];
}

/** The names of the items the reports are on, keyed `type|id`: a task's code and title, a target's or project's name. */
async function itemNames(db: Executor, reports: Row[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(reports.filter((r) => r.item_type === type).map((r) => String(r.item_id)))];
  const [tasks, targets, projects] = [idsOf('task'), idsOf('target'), idsOf('project')];
  const names = new Map<string, string>();
  if (tasks.length + targets.length + projects.length === 0) return names;
  const list = (xs: string[]) => sql`${`{${xs.join(',')}}`}::uuid[]`;
  for (const r of await rowsOf(
    db,
    sql`select 'task' as type, id, code || ' ' || title as title from tasks where id = any(${list(tasks)})
        union all select 'target', id, name from targets where id = any(${list(targets)})
        union all select 'project', id, name from projects where id = any(${list(projects)})`,
  ))
    names.set(`${String(r.type)}|${String(r.id)}`, String(r.title ?? ''));
  return names;
}

/**
 * What each unit must report on, as its workbench asks (domain/workbenchRules.ts): its claimed task
 * shares from the task's start (or the claim, if later) to the deadline, or to the last report once
 * done; its projects not yet in operation, monthly; the targets whose data it gives, by their period.
 */
async function reportObligations(db: Executor, ids: ReturnType<typeof sql>): Promise<ReportObligation[]> {
  const rows = await rowsOf(
    db,
    sql`select tu.unit_id, t.id as item_id, t.code || ' ' || t.title as title, t.report_period as kind,
               greatest(t.start_date, ${day('tu.claimed_at')}) as from_day,
               case when t.done then t.last_report_date when t.deadline_kind = 'date' then t.deadline end as until_day
          from task_units tu join tasks t on t.id = tu.task_id
         where tu.unit_id in ${ids} and tu.claim_status in ('submitted', 'approved')
        union all
        select p.responsible_unit_id, p.id, p.name, 'monthly', null, null from projects p where p.responsible_unit_id in ${ids} and p.stage <> 'operating'
        union all
        select tg.data_unit_id, tg.id, tg.name, tg.period, null, null from targets tg where tg.data_unit_id in ${ids}`,
  );
  return rows.map((r) => ({ unitId: String(r.unit_id), itemId: String(r.item_id), title: String(r.title), kind: String(r.kind), from: (r.from_day as string | null) ?? null, until: (r.until_day as string | null) ?? null }));
}

/** Each target of the units with its trajectory for the year and the actuals accepted for those periods. */
const targetRows = (db: Executor, ids: ReturnType<typeof sql>, year: string) =>
  rowsOf(
    db,
    sql`select t.id, t.data_unit_id as unit_id, t.name, t.direction, tr.period, tr.expected::text as expected, a.value::text as actual
          from targets t
          left join target_trajectory tr on tr.target_id = t.id and tr.period like ${`${year}%`}
          left join target_actuals a on a.target_id = t.id and a.period = tr.period
         where t.data_unit_id in ${ids}
         order by t.code, t.id, tr.period`,
  );

/** Each target of a unit: its trajectory's latest period ending by the period's end, and the actual accepted for that period. */
function addTargets(by: Map<string, UnitFacts>, rows: Row[], end: string) {
  const latest = new Map<string, { target: Row; hit: Row | null }>();
  for (const r of rows) {
    const entry = latest.get(String(r.id)) ?? { target: r, hit: null };
    const ends = r.period ? periodRange(String(r.period))?.end : undefined;
    if (ends && ends <= end && (!entry.hit || String(r.period) > String(entry.hit.period))) entry.hit = r;
    latest.set(String(r.id), entry);
  }
  for (const { target: t, hit } of latest.values())
    push(by, t.unit_id, 'targets', { ref: String(t.id), title: String(t.name), expected: (hit?.expected as string | null) ?? null, actual: (hit?.actual as string | null) ?? null, reverse: t.direction === 'lower' });
}

/** Each project of the units with a plan for the year: the year's plan and what was done by the period's end. */
const projectRows = (db: Executor, ids: ReturnType<typeof sql>, year: number, end: string) =>
  rowsOf(
    db,
    sql`select p.id, p.responsible_unit_id as unit_id, p.name, yp.planned::text as planned,
               coalesce((select sum(m.done) from project_months m where m.project_id = p.id and m.month between ${`${year}-01`} and ${end.slice(0, 7)}), 0)::text as done
          from projects p join project_year_plans yp on yp.project_id = p.id and yp.year = ${year}
         where p.responsible_unit_id in ${ids} order by p.code, p.id`,
  );

/** Planned year to date (the year's plan × quarters passed ÷ 4) and done by the period's end. */
function addProjects(by: Map<string, UnitFacts>, rows: Row[], end: string) {
  const quarters = Math.ceil(Number(end.slice(5, 7)) / 3);
  for (const r of rows)
    push(by, r.unit_id, 'projects', { ref: String(r.id), title: String(r.name), planned: new Decimal(String(r.planned)).times(quarters).div(4).toDecimalPlaces(2).toFixed(2), done: String(r.done) });
}
