import { shanghaiDate, type IsoDate } from '../domain/calendar/days.js';
import { reportDueDate, periodRange, type PeriodKind } from '../domain/periods.js';
import type { ItemType, ReportStatus } from '../domain/work.js';
import type { reports, reportSteps } from '../server/db/schema/index.js';
import type { DemoRandom } from './workRandom.js';
import { at, periodsBetween, type DemoClock, minDate } from './workSchedule.js';

export type ReportInsert = typeof reports.$inferInsert & { id: string };
export type StepInsert = typeof reportSteps.$inferInsert;

/** The figures one period's report carries. */
export interface ReportValue {
  text: string;
  percent?: string | null;
  actual?: string | null;
  investment?: string | null;
  stage?: string | null;
}

/** Who takes each step (null: someone of that unit or body without a demo account). */
export interface StepActors {
  unit: { submit: string | null; approve: string | null };
  review: string | null;
  accept: string | null;
}

/** One unit's reports on one item over the program so far. */
export interface ReportSeries {
  itemType: ItemType;
  itemId: string;
  unitId: string;
  kind: PeriodKind;
  /** First period: the one holding this date. */
  from: IsoDate;
  /** No reports for periods that start after this date (a finished task stops reporting). */
  until?: IsoDate | null;
  /** Stale: the last N ended periods have no report at all. */
  skipLast?: number;
  /** Status wanted for the latest ended period's report (steps after today are cut off). */
  latest?: ReportStatus | 'none';
  /** A report for the current (unfinished) period, and how far it got. */
  current?: 'draft' | 'submitted' | 'accepted' | null;
  returnReason?: string;
  value: (period: string, end: IsoDate) => ReportValue;
  actors: StepActors;
}

export interface AcceptedFact {
  report: ReportInsert;
  acceptedOn: IsoDate;
}

export interface SeriesOutput {
  reports: ReportInsert[];
  steps: StepInsert[];
  accepted: AcceptedFact[];
}

/**
 * The item's last-report date as the server keeps it: the latest unit-head approval still standing
 * (approved, reviewed or accepted) or acceptance, whichever is later (see applyApprovedFacts).
 */
export function lastReportOf(s: SeriesOutput): IsoDate | null {
  const approved = s.reports.filter((r) => ['approved', 'reviewed', 'accepted'].includes(r.status ?? '') && r.approvedAt).map((r) => shanghaiDate(r.approvedAt as Date));
  return [...approved, ...s.accepted.map((a) => a.acceptedOn)].sort().pop() ?? null;
}

const LATEST_MIX: [ReportStatus | 'none', number][] = [
  ['accepted', 0.78],
  ['reviewed', 0.07],
  ['approved', 0.06],
  ['submitted', 0.03],
  ['returned', 0.01],
  ['none', 0.05],
];

function pickStatus(rng: DemoRandom): ReportStatus | 'none' {
  let x = rng.next();
  for (const [s, w] of LATEST_MIX) if ((x -= w) < 0) return s;
  return 'accepted';
}

const FLOW: ['submit' | 'approve' | 'review' | 'accept', ReportStatus, ReportStatus][] = [
  ['submit', 'draft', 'submitted'],
  ['approve', 'submitted', 'approved'],
  ['review', 'approved', 'reviewed'],
  ['accept', 'reviewed', 'accepted'],
];
const REACH: Record<ReportStatus, number> = { draft: 0, submitted: 1, approved: 2, reviewed: 3, accepted: 4, returned: 2 };

/**
 * Builds a unit's report history on an item: every ended period accepted, except the latest one,
 * which is anywhere in the flow (or returned, or missing), and optionally the current period. Step
 * dates are workdays around the period's due date; any step that would fall after today is not
 * taken, so the statuses are what the dates allow. Late = first submitted after the due date.
 */
export function buildReportSeries(s: ReportSeries, c: DemoClock, rng: DemoRandom): SeriesOutput {
  const out: SeriesOutput = { reports: [], steps: [], accepted: [] };
  const periods = periodsBetween(s.kind, s.from, c.today).filter((p) => !s.until || periodRange(p)!.start <= s.until);
  const ended = periods.filter((p) => periodRange(p)!.end < c.today);
  const current = periods.find((p) => periodRange(p)!.end >= c.today);
  const keep = ended.slice(0, Math.max(0, ended.length - (s.skipLast ?? 0)));
  const lastEnded = ended[ended.length - 1];
  for (const p of keep) {
    const wanted = p === lastEnded ? (s.latest ?? pickStatus(rng)) : 'accepted';
    if (wanted === 'none') continue;
    emit(s, c, rng, out, p, wanted, false);
  }
  if (current && s.current && (!s.until || periodRange(current)!.start <= s.until)) emit(s, c, rng, out, current, s.current, true);
  return out;
}

function emit(s: ReportSeries, c: DemoClock, rng: DemoRandom, out: SeriesOutput, period: string, wanted: ReportStatus, isCurrent: boolean) {
  const { end } = periodRange(period)!;
  const due = reportDueDate(period, c.cal)!;
  const cal = c.cal;
  let day: IsoDate;
  if (isCurrent) day = cal.addWorkdays(c.today, wanted === 'accepted' ? -4 : -rng.int(0, 2));
  else if (rng.chance(0.1)) day = cal.addWorkdays(due, rng.int(1, 6));
  else day = cal.addWorkdays(due, -rng.int(0, 3));
  // A report to be returned must have been approved first: early in a month the last period's
  // due date is still ahead, so it was sent in early rather than not returned at all.
  if (wanted === 'returned') day = minDate(day, cal.addWorkdays(c.today, -3));
  const firstSubmit = day;
  const value = s.value(period, end);
  const id = rng.uuid();
  const row: ReportInsert = {
    id,
    itemType: s.itemType,
    itemId: s.itemId,
    unitId: s.unitId,
    period,
    dueDate: due,
    status: 'draft',
    text: value.text,
    percent: value.percent ?? null,
    actual: value.actual ?? null,
    investment: value.investment ?? null,
    stage: value.stage ?? null,
    late: false,
    createdById: s.actors.unit.submit,
    createdAt: at(cal.addWorkdays(firstSubmit, -1), 9, rng.int(0, 59)),
  };
  const reach = REACH[wanted];
  for (const [i, [action, from, to]] of FLOW.entries()) {
    if (i >= reach) break;
    if (i > 0) day = cal.addWorkdays(day, isCurrent ? 1 : rng.int(1, 2));
    if (day > c.today) break;
    const when = at(day, 9 + rng.int(0, 8), rng.int(0, 59));
    const actor = action === 'submit' ? s.actors.unit.submit : action === 'approve' ? s.actors.unit.approve : action === 'review' ? s.actors.review : s.actors.accept;
    out.steps.push({ reportId: id, action, fromStatus: from, toStatus: to, actorId: actor, reason: null, at: when });
    row.status = to;
    if (action === 'submit') Object.assign(row, { submittedAt: when, late: !!due && day > due });
    if (action === 'approve') row.approvedAt = when;
    if (action === 'review') row.reviewedAt = when;
    if (action === 'accept') {
      row.acceptedAt = when;
      out.accepted.push({ report: row, acceptedOn: day });
    }
  }
  if (wanted === 'returned' && row.status === 'approved') {
    const next = cal.addWorkdays(day, 1);
    const when = at(next <= c.today ? next : c.today, 15, rng.int(0, 59));
    const reason = s.returnReason ?? '佐证材料不全，请补充现场照片和相关台账后重新报送。';
    out.steps.push({ reportId: id, action: 'return', fromStatus: 'approved', toStatus: 'returned', actorId: s.actors.review, reason, at: when });
    Object.assign(row, { status: 'returned', returnedAt: when, returnReason: reason });
  }
  out.reports.push(row);
}
