// The district at scale for `npm run bench`: 7 plans, 80 targets, 1,500 tasks (trees 3 deep),
// 300 projects, 120 units, 800 users and three years of weekly/monthly reports with their steps.
// Test tooling, so it writes SQL directly: every table is filled by one set-based
// INSERT … SELECT generate_series, because row-by-row inserts through the commands would take hours.
// Ids are md5-derived uuids (benchId below computes the same), so a child's path and a report's actor are computed, not looked up.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../domain/calendar/days.js';
import { recordAudit } from '../server/audit.js';
import type { Database } from '../server/db/client.js';
import { runReminders } from '../server/jobs/reminderJob.js';
import { runMidnightJob } from '../server/jobs/midnightJob.js';
import { hashPassword } from '../server/security/passwords.js';

export interface Scale {
  units: number;
  /** Users besides the HQ accounts: one head per unit, the rest liaisons spread over the units. */
  users: number;
  /** Task roots; each has 2 children with 6 children each (15 tasks a tree). */
  roots: number;
  targets: number;
  projects: number;
  /** First day of reporting (a Monday): three years before the bench's "now". */
  from: string;
  /**
   * Weekly series hold drafts for the current week and the N - 1 weeks before (monthly ones for this
   * month and the last, quarterly ones for this quarter): the submission benchmark's pool. The one
   * or two periods before those are in flight (submitted … returned); everything older is accepted.
   * More weeks of drafts than a unit would really let pile up, so that all 100 clients can submit
   * for several seconds: with 4 weeks the window was under 3 s and its p99 rested on ~35 requests.
   */
  draftWeeks: number;
}

export const DISTRICT: Scale = { units: 120, users: 792, roots: 100, targets: 80, projects: 300, from: '2024-01-01', draftWeeks: 16 };

/** HQ accounts, besides the unit heads (`h001`…) and liaisons (`l001_1`…). */
export const HQ_ACCOUNT = 'bench_hq';

/** The first liaison of unit `u` (1-based): each submission client logs in as one. */
export const liaisonAccount = (u: number) => `l${String(u).padStart(3, '0')}_1`;

/** The same ids computed here, so the bench names a plan or unit without a lookup. */
export function benchId(prefix: string, n: number): string {
  const h = createHash('md5').update(`${prefix}${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A valid (version 4, RFC variant) uuid from md5(prefix || n): the API's id schema checks those bits. */
const baseUuid = (prefix: string, n: string) => `overlay(overlay(md5('${prefix}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

export interface GenerateResult {
  counts: Record<string, number>;
  ms: number;
  /** Milliseconds of each phase, for the report. */
  phases: Record<string, number>;
}

/** Fills an empty, migrated database. Runs in one transaction (the embedded database is one session anyway). */
/**
 * Where a district goes when a province holds several (bench/province.ts): its ids, codes and
 * accounts carry `ns`, and its region sits under `parentId`. Without it: the one bench district, as before.
 */
export interface DistrictPlace {
  ns: string;
  parentId: string;
  name: string;
}

export async function generateDistrict(
  database: Database,
  password: string,
  scale: Scale = DISTRICT,
  log: (s: string) => void = () => {},
  place?: DistrictPlace,
): Promise<GenerateResult> {
  const ns = place?.ns ?? '';
  /** This district's ids (the one district's are benchId's, unprefixed). */
  const uuid = (prefix: string, n: string) => baseUuid(ns + prefix, n);
  /** This district's codes and accounts. */
  const c = (code: string) => ns + code;
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const today = shanghaiDate(new Date());
  const hash = await hashPassword(password);
  const { units: U, roots: R, targets: G, projects: P } = scale;
  const T = R * 15;

  await database.db.transaction(async (tx) => {
    let tp = performance.now();
    const run = async (name: string, ...statements: string[]) => {
      for (const s of statements) await tx.execute(sql.raw(s));
      phases[name] = (phases[name] ?? 0) + performance.now() - tp;
      tp = performance.now();
    };
    await run('setup', `select setseed(0.42)`);
    // Organisation: the region, 120 units, the coordinating bodies and six task forces.
    await run(
      'org',
      `insert into regions (id, code, name, kind, parent_id) values (${uuid('br', "'1'")}, '${c('bench')}', '${place?.name ?? '基准区'}', 'district', ${place ? `'${place.parentId}'::uuid` : 'null'})`,
      `insert into org_units (id, region_id, code, name, kind, sort)
         select ${uuid('bu', 'u')}, ${uuid('br', "'1'")}, '${c('U')}' || lpad(u::text, 3, '0'),
                (array['区发展改革局','区工业和信息化局','区住房城乡建设局','区农业农村局','街道办事处','镇人民政府'])[1 + u % 6] || u,
                (array['department','department','department','department','subdistrict','town'])[1 + u % 6], u
         from generate_series(1, ${U}) u`,
      `insert into bodies (id, region_id, code, name, kind, lead_unit_id)
         select ${uuid('bb', 'b')}, ${uuid('br', "'1'")}, '${c('B')}' || b, '专项推进组' || b, case when b = 0 then 'command_hq' else 'task_force' end, ${uuid('bu', '1 + b')}
         from generate_series(0, 6) b`,
    );
    // 800 users: 8 HQ accounts, a head per unit, liaisons for the rest; one password hash (argon2 once).
    await run(
      'users',
      `insert into users (id, account, display_name, unit_id, password_hash, must_change_password)
         select ${uuid('bs', 'n')}, case when n = 1 then '${c(HQ_ACCOUNT)}' else '${c('hq')}' || n end, '指挥部办公室' || n, ${uuid('bu', '1')}, '${hash}', false
         from generate_series(1, 8) n`,
      `insert into users (id, account, display_name, unit_id, password_hash, must_change_password)
         select ${uuid('bx', 'n')},
                case when n <= ${U} then '${c('h')}' || lpad(n::text, 3, '0') else '${c('l')}' || lpad((1 + (n - 1) % ${U})::text, 3, '0') || '_' || ((n - 1) / ${U}) end,
                case when n <= ${U} then '单位负责人' else '联络员' end || n, ${uuid('bu', '1 + (n - 1) % ' + U)}, '${hash}', false
         from generate_series(1, ${scale.users}) n`,
      `insert into user_roles (user_id, role, body_id)
         select ${uuid('bs', 'n')}, case when n <= 2 then 'hq_office' when n <= 4 then 'leader' else 'task_force' end,
                case when n > 4 then ${uuid('bb', '(n - 4)')} end
         from generate_series(1, 8) n`,
      `insert into user_roles (user_id, role) select ${uuid('bx', 'n')}, case when n <= ${U} then 'unit_head' else 'liaison' end from generate_series(1, ${scale.users}) n`,
    );
    // The program, seven areas and the "1+6" plans (special plans belong to a task force).
    await run(
      'plans',
      `insert into programs (id, region_id, code, name, start_year, end_year, year_goals)
         values (${uuid('bg', "'p'")}, ${uuid('br', "'1'")}, '${c('bench')}', '全面振兴新突破三年行动', 2024, 2026, '[]')`,
      `insert into areas (id, program_id, code, name, sort) select ${uuid('ba', 'a')}, ${uuid('bg', "'p'")}, '${c('A')}' || a, '重点领域' || a, a from generate_series(1, 7) a`,
      `insert into plans (id, program_id, kind, code, title, status, task_force_id, lead_unit_id, published_at)
         select ${uuid('bp', 'p')}, ${uuid('bg', "'p'")}, case when p = 1 then 'overall' else 'special' end, '${c('P')}' || p, '行动方案' || p, 'published',
                case when p > 1 then ${uuid('bb', '(p - 1)')} end, ${uuid('bu', 'p')}, now()
         from generate_series(1, 7) p`,
      `insert into plan_areas (plan_id, area_id) select ${uuid('bp', 'p')}, ${uuid('ba', 'p')} from generate_series(1, 7) p`,
    );
    // Tasks: roots 1..R, children R+1..3R (two per root), grandchildren 3R+1..15R (six per child).
    await run(
      'tasks',
      `create temp table bench_tree on commit drop as
         select n, case when n <= ${R} then null when n <= ${3 * R} then (n - ${R} - 1) / 2 + 1 else (n - ${3 * R} - 1) / 6 + ${R + 1} end as parent,
                case when n <= ${R} then 0 when n <= ${3 * R} then 1 else 2 end as depth
         from generate_series(1, ${T}) n`,
      `alter table bench_tree add column root int, add column plan int, add column lead int, add column kind text, add column period text, add column start date, add column deadline date, add column progress numeric, add column path text`,
      `update bench_tree set root = case depth when 0 then n when 1 then parent else (parent - ${R} - 1) / 2 + 1 end`,
      `update bench_tree b set path = case b.depth when 0 then ${uuid('bt', 'b.n')}::text
                                                 when 1 then ${uuid('bt', 'b.parent')}::text || '.' || ${uuid('bt', 'b.n')}::text
                                                 else ${uuid('bt', 'b.root')}::text || '.' || ${uuid('bt', 'b.parent')}::text || '.' || ${uuid('bt', 'b.n')}::text end,
                               plan = 1 + b.root % 7, lead = 1 + (b.n * 37) % ${U},
                               kind = case when random() < 0.7 then 'date' when random() < 0.67 then 'recurring' else 'ongoing' end,
                               period = case when random() < 0.55 then 'weekly' else 'monthly' end,
                               start = date '${scale.from}' + (random() * 60)::int,
                               deadline = date '2024-09-01' + (random() * 1200)::int,
                               progress = 0`,
      // Progress near the expected progress at this date (序时进度), some ahead and some lagging, so lights vary.
      `update bench_tree set progress = greatest(0, least(100, round((100 * (date '${today}' - start)::numeric / greatest(1, deadline - start) + (random() * 35 - 25))::numeric, 2)))`,
      `insert into tasks (id, plan_id, parent_id, path, depth, sort, code, title, description, area_id, lead_unit_id, responsible_post, weight,
                          start_date, deadline_kind, deadline, recurrence, report_period, progress, done, next_due, last_report_date)
         select ${uuid('bt', 'n')}, ${uuid('bp', 'plan')}, case when parent is not null then ${uuid('bt', 'parent')} end, path, depth, n,
                '${c('T')}' || plan || '-' || lpad(n::text, 4, '0'), '推进重点任务' || n || (array['：项目建设','：招商引资','：乡村振兴','：生态治理','：营商环境'])[1 + n % 5],
                '', ${uuid('ba', 'plan')}, ${uuid('bu', 'lead')}, '副区长', 1, to_char(start, 'YYYY-MM-DD'), kind,
                case when kind = 'date' then to_char(deadline, 'YYYY-MM-DD') end,
                case when kind = 'recurring' then '{"every":"month","day":10}'::jsonb end, period,
                case when deadline < date '${today}' and kind = 'date' then 100 else progress end,
                kind = 'date' and deadline < date '${today}' - 90,
                case when kind = 'recurring' then to_char(date_trunc('month', timestamp '${today}') + interval '1 month' + interval '9 days', 'YYYY-MM-DD')
                     when kind = 'date' then to_char(deadline, 'YYYY-MM-DD') end,
                null
         from bench_tree`,
      // A lead unit for every task; a supporting unit for three in five. The claims left unclaimed are
      // picked by n % 23, not n % 20: a unit leads exactly the tasks with one n mod 120, so a modulus
      // that divides 120 would leave whole units with no approved claim and no drafts to submit.
      `insert into task_units (task_id, unit_id, role, claim_status, measures, claimed_at, approved_at)
         select ${uuid('bt', 'n')}, ${uuid('bu', 'lead')}, 'lead', case when n % 23 = 0 then 'unclaimed' when n % 31 = 0 then 'submitted' else 'approved' end,
                '细化落实举措', now(), now()
         from bench_tree`,
      `insert into task_units (task_id, unit_id, role, claim_status, measures, claimed_at, approved_at)
         select ${uuid('bt', 'n')}, ${uuid('bu', '1 + (lead + 17 + n % 40) % ' + U)}, 'support', case when n % 13 = 0 then 'unclaimed' else 'approved' end, '配合推进', now(), now()
         from bench_tree where n % 5 < 3`,
      `insert into milestones (task_id, name, due, done_on, sort)
         select ${uuid('bt', 'n')}, (array['开工','主体完工','竣工验收'])[k], to_char(start + k * 200, 'YYYY-MM-DD'),
                case when start + k * 200 < date '${today}' and random() < 0.8 then to_char(start + k * 200 + 3, 'YYYY-MM-DD') end, k
         from bench_tree, generate_series(1, 2) k where depth = 2`,
    );
    // Targets (with a goal per year) and key projects (money: numeric, exact).
    await run(
      'targets+projects',
      `insert into targets (id, plan_id, area_id, code, name, measure_unit, baseline, direction, data_unit_id, period)
         select ${uuid('bg', 'n')}, ${uuid('bp', '1 + n % 7')}, ${uuid('ba', '1 + n % 7')}, '${c('G')}' || lpad(n::text, 3, '0'), '指标' || n, '亿元', 100 + n,
                case when n % 9 = 0 then 'lower' else 'higher' end, ${uuid('bu', '1 + (n * 7) % ' + U)}, case when n % 4 = 0 then 'quarterly' else 'monthly' end
         from generate_series(1, ${G}) n`,
      `insert into target_goals (target_id, year, goal)
         select ${uuid('bg', 'n')}, y, case when n % 9 = 0 then 100 + n - (y - 2023) * 5 else 100 + n + (y - 2023) * 12 end
         from generate_series(1, ${G}) n, generate_series(2024, 2026) y`,
      `insert into projects (id, plan_id, area_id, code, name, owner_enterprise, location, responsible_unit_id, total_investment, stage, stage_dates)
         select ${uuid('bj', 'n')}, ${uuid('bp', '1 + n % 7')}, ${uuid('ba', '1 + n % 7')}, '${c('J')}' || lpad(n::text, 3, '0'), '重点项目' || n, '企业' || n, '园区',
                ${uuid('bu', '1 + (n * 11) % ' + U)}, round((1000 + random() * 90000)::numeric, 2),
                (array['planning','signed','started','building','operating'])[1 + n % 5],
                jsonb_build_object('planning', jsonb_build_object('planned', '2024-01-15', 'actual', '2024-01-20'),
                                   'signed', jsonb_build_object('planned', to_char(date '2024-04-01' + n, 'YYYY-MM-DD')),
                                   'started', jsonb_build_object('planned', to_char(date '2024-10-01' + n * 2, 'YYYY-MM-DD')),
                                   'building', jsonb_build_object('planned', to_char(date '2025-03-01' + n * 2, 'YYYY-MM-DD')),
                                   'operating', jsonb_build_object('planned', to_char(date '2026-06-01' + n * 3, 'YYYY-MM-DD')))
         from generate_series(1, ${P}) n`,
      `insert into project_year_plans (project_id, year, planned)
         select ${uuid('bj', 'n')}, y, round((300 + random() * 20000)::numeric, 2) from generate_series(1, ${P}) n, generate_series(2024, 2026) y`,
    );
    // Report series: every task unit whose claim is approved (weekly or monthly; others may not report), every target's data unit, every project's unit.
    await run(
      'reports',
      // This district's items only: a province's database holds the districts generated before it.
      `create temp table bench_items on commit drop as
         select id from tasks where plan_id in (select id from plans where program_id = ${uuid('bg', "'p'")})
         union all select id from targets where plan_id in (select id from plans where program_id = ${uuid('bg', "'p'")})
         union all select id from projects where plan_id in (select id from plans where program_id = ${uuid('bg', "'p'")})`,
      `create unique index on bench_items (id)`,
      `create temp table bench_series on commit drop as
         select 'task'::text as item_type, tu.task_id as item_id, tu.unit_id, t.report_period as kind from task_units tu join tasks t on t.id = tu.task_id
           where tu.claim_status = 'approved' and t.id in (select id from bench_items)
         union all select 'target', id, data_unit_id, period from targets where id in (select id from bench_items)
         union all select 'project', id, responsible_unit_id, 'monthly' from projects where id in (select id from bench_items)`,
      // Period starts up to the current period; k = 1 is the current one. Due: 7 days after the period ends.
      `create temp table bench_periods on commit drop as
         select s.*, d::date as start,
                case s.kind when 'weekly' then to_char(d, 'IYYY-"W"IW') when 'quarterly' then to_char(d, 'YYYY-"Q"Q') else to_char(d, 'YYYY-MM') end as period,
                (case s.kind when 'weekly' then d + interval '6 days' when 'quarterly' then d + interval '3 months' - interval '1 day' else d + interval '1 month' - interval '1 day' end)::date + 7 as due,
                row_number() over (partition by s.item_type, s.item_id, s.unit_id order by d desc) as k
         from bench_series s,
              generate_series(timestamp '${scale.from}',
                              date_trunc(case s.kind when 'weekly' then 'week' when 'quarterly' then 'quarter' else 'month' end, timestamp '${today}'),
                              case s.kind when 'weekly' then interval '1 week' when 'quarterly' then interval '3 months' else interval '1 month' end) d`,
      // Statuses: drafts for the newest periods (the submission pool), a mix in flight just before, accepted further back.
      `insert into reports (id, item_type, item_id, unit_id, period, due_date, status, text, percent, actual, investment, late, created_by_id,
                            submitted_at, approved_at, reviewed_at, accepted_at, returned_at, return_reason, created_at)
         select gen_random_uuid(), item_type, item_id, unit_id, period, to_char(due, 'YYYY-MM-DD'), st, '本期工作进展：按计划推进，完成阶段性任务。',
                case when item_type = 'task' then least(100, round((100.0 * (200 - k) / 200)::numeric, 2)) end,
                case when item_type = 'target' then round((100 + random() * 50)::numeric, 4) end,
                case when item_type = 'project' then round((random() * 2000)::numeric, 2) end,
                k % 17 = 0, ${uuid('bx', `(${U} + 1 + ((unit_no - 1) % ${U}))::text`)},
                case when st <> 'draft' then due - 2 end, case when st in ('approved','reviewed','accepted') then due - 1 end,
                case when st in ('reviewed','accepted') then due end, case when st = 'accepted' then due + 1 end,
                case when st = 'returned' then due end, case when st = 'returned' then '请补充佐证材料' end, start
         from (select p.*, u.sort as unit_no,
                      case when k <= case p.kind when 'weekly' then ${scale.draftWeeks} when 'quarterly' then 1 else 2 end then 'draft'
                           when k <= case p.kind when 'weekly' then ${scale.draftWeeks} + 2 when 'quarterly' then 2 else 3 end
                             then (array['submitted','approved','reviewed','returned','accepted','accepted'])[1 + (abs(hashtext(p.item_id::text || p.period)) % 6)]
                           else 'accepted' end as st
               from bench_periods p join org_units u on u.id = p.unit_id) x`,
    );
    await run(
      'steps',
      // Every step a report went through, timed: submit → approve → review → accept (or submit → return).
      `insert into report_steps (report_id, action, from_status, to_status, actor_id, reason, at)
         select r.id, s.action, s.from_status, s.to_status, case when s.n <= 1 then r.created_by_id end, case when s.action = 'return' then r.return_reason end,
                coalesce(case s.n when 1 then r.submitted_at when 2 then coalesce(r.approved_at, r.returned_at) when 3 then r.reviewed_at else r.accepted_at end, r.created_at)
         from (select * from reports where item_id in (select id from bench_items)) r
         join (values (1, 'submit', 'draft', 'submitted'), (2, 'approve', 'submitted', 'approved'), (3, 'review', 'approved', 'reviewed'),
                      (4, 'accept', 'reviewed', 'accepted'), (2, 'return', 'submitted', 'returned')) as s(n, action, from_status, to_status)
           on (r.status = 'returned' and (s.n = 1 or s.action = 'return'))
           or (r.status <> 'returned' and s.action <> 'return' and s.n <= case r.status when 'submitted' then 1 when 'approved' then 2 when 'reviewed' then 3 when 'accepted' then 4 else 0 end)`,
    );
    // The facts that accepted reports set: target actuals, project months, tasks' last report date.
    await run(
      'facts',
      `insert into target_actuals (target_id, period, value, report_id, accepted_at)
         select item_id, period, actual, id, accepted_at from reports where item_type = 'target' and status = 'accepted' and item_id in (select id from bench_items)`,
      `insert into project_months (project_id, month, done, report_id)
         select item_id, period, investment, id from reports where item_type = 'project' and status = 'accepted' and item_id in (select id from bench_items)`,
      `update tasks t set last_report_date = x.d from (select item_id, to_char(max(accepted_at), 'YYYY-MM-DD') as d from reports where item_type = 'task' and status = 'accepted' and item_id in (select id from bench_items) group by item_id) x where x.item_id = t.id`,
      `update projects p set last_report_date = x.d from (select item_id, to_char(max(accepted_at), 'YYYY-MM-DD') as d from reports where item_type = 'project' and status = 'accepted' and item_id in (select id from bench_items) group by item_id) x where x.item_id = p.id`,
    );
    await recordAudit(tx, { actor: null, ip: null, requestId: 'bench' }, 'system.bench_generated', { entity: 'region', after: { scale } });
    phases.audit = performance.now() - tp;
  });
  log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // A province's districts are finished together, once the last is in (bench/province.ts).
  if (place) return { counts: {}, ms: performance.now() - t0, phases };
  const finished = await finishGenerated(database);
  return { counts: finished.counts, ms: performance.now() - t0, phases: { ...phases, ...finished.phases } };
}

/**
 * Lights stored by the midnight job itself (refreshAllLights, and today marked as run, so the server
 * does not redo it at start), then statistics as autovacuum would gather them on a live system; the rows' counts.
 */
export async function finishGenerated(database: Database): Promise<{ counts: Record<string, number>; phases: Record<string, number> }> {
  const phases: Record<string, number> = {};
  let tp = performance.now();
  await runMidnightJob(database);
  phases.lights = performance.now() - tp;
  tp = performance.now();
  // The day's reminders, as a server started today would send them first thing: left to the
  // measured servers, a province's run (16,000 digests, over a minute) ran under every measurement
  // and, each server stopped before it ended, again under the next.
  await runReminders(database);
  phases.reminders = performance.now() - tp;
  tp = performance.now();
  // Bulk updates (facts, lights) left a dead version of most rows; autovacuum would clean them up.
  await database.db.execute(sql.raw('vacuum analyze'));
  phases.vacuum = performance.now() - tp;

  const counts: Record<string, number> = {};
  for (const table of ['plans', 'targets', 'tasks', 'task_units', 'projects', 'org_units', 'users', 'reports', 'report_steps']) {
    const r = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n);
  }
  return { counts, phases };
}
