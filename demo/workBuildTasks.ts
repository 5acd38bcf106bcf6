import Decimal from 'decimal.js';
import type { IsoDate } from '../domain/calendar/days.js';
import { expectedProgress } from '../domain/lights.js';
import { rollUpParent } from '../domain/rollup.js';
import type { PeriodKind } from '../domain/periods.js';
import type { ReportStatus } from '../domain/work.js';
import type { milestones, taskUnits, tasks } from '../server/db/schema/index.js';
import type { DemoRandom } from './workRandom.js';
import { buildReportSeries, lastReportOf, type ReportSeries, type SeriesOutput } from './workReports.js';
import { addDays, at, daysBetween, deadlineOf, maxDate, minDate, type DeadlineColumns, type DemoClock } from './workSchedule.js';
import type { DemoTaskSpec, DemoTaskTree, TaskPace } from './workTaskSpec.js';
import type { DemoRefs } from './workRefs.js';

type TaskInsert = typeof tasks.$inferInsert & { id: string };
type TaskUnitInsert = typeof taskUnits.$inferInsert;
type MilestoneInsert = typeof milestones.$inferInsert;

export interface BuiltTasks {
  tasks: TaskInsert[];
  taskUnits: TaskUnitInsert[];
  milestones: MilestoneInsert[];
  series: SeriesOutput[];
  /** Leaves that are behind, for blockers. */
  troubled: { taskId: string; unitId: string }[];
}

const MEASURES = [
  '成立由主要领导任组长的工作专班，建立周调度机制，明确责任人和完成时限，按月报送进展。',
  '制定细化落实方案，分解为具体举措和节点，实行清单化管理、项目化推进。',
  '对照目标倒排工期、挂图作战，每月召开推进会研究解决具体问题。',
];
const TEXTS = [
  '本期按计划推进，已完成既定节点工作，形成阶段性成果。',
  '本期召开专题推进会，协调解决具体问题，相关工作有序推进。',
  '本期开展现场调度和督促落实，整改事项按期销号。',
  '本期完成方案细化和任务分解，责任已落实到人。',
];

/** Whose report is whose: per-unit counters pick the demo unit's returned, submitted and draft reports. */
interface Forcing {
  jianshe: number;
  /** Reports left approved, waiting for the plan's task force, per plan. */
  approved: Map<string, number>;
  reviewed: Set<string>;
}

interface Leaf {
  progress: Decimal;
  done: boolean;
  lastReport: IsoDate | null;
}

/** Builds the task trees of every plan: rows, unit assignments with claims, milestones and the report history. */
export function buildTasks(trees: readonly DemoTaskTree[], r: DemoRefs, c: DemoClock, rng: DemoRandom): BuiltTasks {
  const out: BuiltTasks = { tasks: [], taskUnits: [], milestones: [], series: [], troubled: [] };
  const forcing: Forcing = { jianshe: 0, approved: new Map(), reviewed: new Set() };
  for (const tree of trees) {
    tree.tasks.forEach((spec, i) => walk(spec, tree, null, `${tree.plan}-${i + 1}`, i, r, c, rng, out, forcing));
  }
  return out;
}

function childrenOf(spec: DemoTaskSpec, r: DemoRefs): DemoTaskSpec[] {
  if (spec.kids) return spec.kids;
  if (!spec.each) return [];
  const each = spec.each;
  return each.units.map((u) => ({ title: `${r.unitName(u)}${each.title}`, lead: u, due: each.due ?? spec.due, fresh: spec.fresh }));
}

function walk(
  spec: DemoTaskSpec,
  tree: DemoTaskTree,
  parent: TaskInsert | null,
  code: string,
  sort: number,
  r: DemoRefs,
  c: DemoClock,
  rng: DemoRandom,
  out: BuiltTasks,
  forcing: Forcing,
): Leaf {
  const id = rng.uuid();
  const fresh = !!spec.fresh;
  const start = fresh ? c.cal.addWorkdays(c.today, -7) : parent?.startDate ?? addDays(c.programStart, rng.int(0, 10));
  // A parent without its own deadline runs to the end of the program, so its light weighs its subtasks' progress.
  const dl = deadlineOf(spec.due ?? (spec.kids || spec.each ? 'y3' : undefined), c, start);
  const areaCode = spec.area ?? tree.area;
  const row: TaskInsert = {
    id,
    planId: r.planId(tree.plan),
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}.${id}` : id,
    depth: parent ? parent.depth! + 1 : 0,
    sort,
    code,
    title: spec.title,
    description: '',
    areaId: areaCode ? r.areaId(areaCode) : (parent?.areaId ?? null),
    leadUnitId: r.unitId(spec.lead),
    responsiblePost: spec.post ?? parent?.responsiblePost ?? '',
    weight: spec.weight ?? '1',
    reportPeriod: spec.period ?? 'monthly',
    ...dl,
    createdAt: at(start, 9),
  };
  out.tasks.push(row);
  const assigned = at(start, 10);
  for (const [unit, role] of [[spec.lead, 'lead'], ...(spec.sup ?? []).map((u) => [u, 'support'])] as [string, 'lead' | 'support'][]) {
    const state = fresh ? 'unclaimed' : (spec.claims?.[unit] ?? 'approved');
    const unitId = r.unitId(unit);
    const base: TaskUnitInsert = { taskId: id, unitId, role, claimStatus: state, assignedAt: assigned };
    if (state === 'approved') {
      Object.assign(base, { measures: rng.pick(MEASURES), claimedAt: at(c.cal.addWorkdays(start, 2), 10), approvedAt: at(c.cal.addWorkdays(start, 3), 16) });
    } else if (state === 'submitted') {
      Object.assign(base, { measures: MEASURES[0], claimedAt: at(c.cal.addWorkdays(c.today, -1), 11), claimedById: r.accountId(unit, 'liaison') });
    } else if (state === 'returned') {
      Object.assign(base, {
        measures: '按要求配合做好相关工作。',
        returnReason: '举措不够具体，请细化到点位、责任人和完成时限后重新认领。',
        claimedAt: at(c.cal.addWorkdays(c.today, -6), 10),
        claimedById: r.accountId(unit, 'liaison'),
        returnedAt: at(c.cal.addWorkdays(c.today, -4), 15),
      });
    }
    out.taskUnits.push(base);
  }

  const kids = childrenOf(spec, r);
  if (kids.length) {
    const results = kids.map((k, j) => walk(k, tree, row, `${code}.${j + 1}`, j, r, c, rng, out, forcing));
    const up = rollUpParent(
      null,
      results.map((x, j) => ({ progress: x.progress, weight: kids[j]!.weight ?? '1', done: x.done, lastReportDate: x.lastReport })),
    );
    addMilestones(spec, row, dl, 'on_track', c, rng, out);
    // A parent is reported through its subtasks: its staleness follows theirs.
    Object.assign(row, up);
    return { progress: new Decimal(up.progress), done: up.done, lastReport: up.lastReportDate as IsoDate | null };
  }
  return leaf(spec, tree, row, dl, fresh, r, c, rng, out, forcing);
}

function paceOf(spec: DemoTaskSpec, dl: DeadlineColumns, fresh: boolean, c: DemoClock, rng: DemoRandom): TaskPace | 'fresh' {
  if (fresh) return 'fresh';
  if (spec.pace) return spec.pace;
  if (dl.deadline && dl.deadline < c.today) return rng.chance(0.85) ? 'done' : 'overdue';
  const x = rng.next();
  return x < 0.7 ? 'on_track' : x < 0.85 ? 'lag' : x < 0.93 ? 'behind' : 'stale';
}

function leaf(
  spec: DemoTaskSpec,
  tree: DemoTaskTree,
  row: TaskInsert,
  dl: DeadlineColumns,
  fresh: boolean,
  r: DemoRefs,
  c: DemoClock,
  rng: DemoRandom,
  out: BuiltTasks,
  forcing: Forcing,
): Leaf {
  const pace = paceOf(spec, dl, fresh, c, rng);
  const start = row.startDate!;
  const lightDeadline = dl.deadline ?? dl.nextDue;
  const expected = lightDeadline ? expectedProgress(c.cal, start, lightDeadline, c.today) : Math.min(95, (daysBetween(`${c.today.slice(0, 4)}-01-01`, c.today) / 365) * 100);
  const completed = pace === 'done' ? minDate(addDays(dl.deadline ?? c.today, -rng.int(0, 25)), addDays(c.today, -10)) : null;
  const now =
    pace === 'done' ? 100 : pace === 'overdue' ? rng.int(72, 93) : pace === 'lag' ? expected - rng.int(11, 16) : pace === 'behind' ? expected - rng.int(30, 42) : pace === 'fresh' ? 0 : expected + rng.int(2, 8);
  const progressNow = Math.max(0, Math.min(pace === 'done' ? 100 : 99, now));
  const span = Math.max(1, daysBetween(start, completed ?? c.today));
  const pct = (end: IsoDate) => new Decimal(Math.min(1, Math.max(0, daysBetween(start, end) / span)) * progressNow).toDecimalPlaces(1);
  addMilestones(spec, row, dl, pace, c, rng, out);
  if (pace === 'behind' || pace === 'overdue') out.troubled.push({ taskId: row.id, unitId: row.leadUnitId! });
  if (pace === 'fresh') {
    Object.assign(row, { progress: '0', done: false, lastReportDate: null });
    return { progress: new Decimal(0), done: false, lastReport: null };
  }

  const isJianshe = spec.lead === 'jianshe';
  let latest: ReportStatus | 'none' | undefined = spec.pending ? 'none' : spec.pace || spec.now ? 'accepted' : undefined;
  let current: ReportSeries['current'] = spec.pending ? null : spec.now ? 'accepted' : rng.chance(0.12) ? 'draft' : rng.chance(0.08) ? 'submitted' : null;
  if (isJianshe && !spec.pace && !spec.now && row.reportPeriod === 'monthly' && (pace === 'on_track' || pace === 'lag')) {
    // The demo unit's liaison finds one report returned to fix, one waiting for the head, one draft.
    // Only on a task still under way and reported up to date: a stale task skips its latest period
    // and a finished one has no current one, so on some load days the forced report never appeared.
    const n = forcing.jianshe++;
    if (n === 0) latest = 'returned';
    if (n === 1) current = 'submitted';
    if (n === 2) current = 'draft';
  }
  // Every task force finds reports to review (the industry one, the `task_force` account's, three),
  // whatever the load day: left to chance, a day came when 乡村振兴's queue was empty.
  const approvedWanted = tree.plan === 'S1' ? 3 : tree.plan.startsWith('S') ? 1 : 0;
  if (!spec.pace && (forcing.approved.get(tree.plan) ?? 0) < approvedWanted) {
    forcing.approved.set(tree.plan, (forcing.approved.get(tree.plan) ?? 0) + 1);
    latest = 'approved';
  }
  if (!spec.pace && !spec.now && !forcing.reviewed.has(tree.plan)) {
    forcing.reviewed.add(tree.plan);
    latest = latest ?? 'reviewed'; // waiting for the HQ office to accept
  }

  const lead = r.unitId(spec.lead);
  const kind = row.reportPeriod as PeriodKind;
  const leadSeries = buildReportSeries(
    {
      itemType: 'task',
      itemId: row.id,
      unitId: lead,
      kind,
      from: start,
      until: completed,
      skipLast: pace === 'stale' ? rng.int(1, 2) : 0,
      latest,
      current: pace === 'done' ? null : current,
      value: (period, end) => {
        const p = spec.now && end >= c.today ? new Decimal(spec.now) : pct(end);
        return { text: `${period}：${rng.pick(TEXTS)}累计完成${p.toFixed(1)}%。`, percent: p.toFixed(2) };
      },
      actors: r.actors(spec.lead, tree.plan),
    },
    c,
    rng,
  );
  out.series.push(leadSeries);
  let lastReport = lastReportOf(leadSeries);
  for (const sup of spec.sup ?? []) {
    if ((spec.claims?.[sup] ?? 'approved') !== 'approved') continue;
    const s = buildReportSeries(
      {
        itemType: 'task',
        itemId: row.id,
        unitId: r.unitId(sup),
        kind,
        from: maxDate(start, addDays(c.today, kind === 'quarterly' ? -200 : -100)),
        until: completed,
        current: null,
        value: (period) => ({ text: `${period}：${r.unitName(sup)}配合完成相关工作，${rng.pick(TEXTS)}` }),
        actors: r.actors(sup, tree.plan),
      },
      c,
      rng,
    );
    out.series.push(s);
    const d = lastReportOf(s);
    if (d && (!lastReport || d > lastReport)) lastReport = d;
  }
  const lastLead = leadSeries.accepted[leadSeries.accepted.length - 1];
  const progress = new Decimal(lastLead?.report.percent ?? '0');
  const done = progress.eq(100);
  Object.assign(row, { progress: progress.toFixed(2), done, lastReportDate: lastReport });
  return { progress, done, lastReport };
}

function addMilestones(spec: DemoTaskSpec, row: TaskInsert, dl: DeadlineColumns, pace: TaskPace | 'fresh', c: DemoClock, rng: DemoRandom, out: BuiltTasks) {
  const names = spec.ms ?? [];
  if (!names.length) return;
  const start = row.startDate!;
  const end = dl.deadline ?? `${c.startYear + 2}-12-31`;
  const span = daysBetween(start, end);
  names.forEach((name, i) => {
    let due = addDays(start, Math.round((span * (i + 1)) / (names.length + 1)));
    let done = due < c.today && pace !== 'behind' && pace !== 'overdue';
    if (name === spec.lateMilestone) {
      due = c.cal.addWorkdays(c.today, -8);
      done = false;
    }
    if (name === spec.lastMonthMilestone) {
      // A week before this month began, reached the workday before: no draw of the random sequence, which the rest of the demo follows.
      due = c.cal.addWorkdays(`${c.today.slice(0, 7)}-01`, -5);
      out.milestones.push({ id: rng.uuid(), taskId: row.id, unitId: null, name, due, doneOn: c.cal.addWorkdays(due, -1), sort: i });
      return;
    }
    out.milestones.push({ id: rng.uuid(), taskId: row.id, unitId: null, name, due, doneOn: done ? minDate(addDays(due, -rng.int(0, 6)), c.today) : null, sort: i });
  });
}
