import Decimal from 'decimal.js';
import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import { lateWorkdays } from '../dispatch.js';
import type { DeadlineFact, InvestmentFact, TargetFact, UnitFacts } from './facts.js';
import type { IndicatorKind } from './scheme.js';

/**
 * How an indicator's share of its weight was found:
 * - `share`: the facts' credits averaged (met ÷ counted);
 * - `nothing_owed`: no fact fell due in the period: full points (nothing owed, nothing missed);
 * - `manual`: the assessor's 领导评价 ÷ 100; `manual_missing`: not entered, full points, said so.
 */
export type IndicatorRule = 'share' | 'nothing_owed' | 'manual' | 'manual_missing';

/** One fact as the breakdown shows it: what it was, when due and done, how late, what it earned. */
export interface FactLine {
  ref: string;
  title: string;
  detail: string;
  due: IsoDate | null;
  doneOn: IsoDate | null;
  /** Workdays after the due day it was done (or, still owed, up to the day of scoring); 0 on time. */
  lateWorkdays: number;
  /** Expected and actual (targets), planned and done (projects). */
  expected: string | null;
  actual: string | null;
  /** What the fact earned, 0–1 with 4 places. */
  credit: string;
  /** on_time, late, owed (late and still not done), reached, short, no_actual, nothing_expected. */
  outcome: string;
}

export interface IndicatorShare {
  kind: IndicatorKind;
  rule: IndicatorRule;
  /** The share of the weight earned, exact (rounded only into points). */
  ratio: Decimal;
  counted: number;
  facts: FactLine[];
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);
const credit4 = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);

/**
 * Workdays late, remembered per calendar: a year's scoring asks it for tens of thousands of facts
 * with few distinct days, and each answer costs the calendar some microseconds.
 */
const lateMemo = new WeakMap<WorkdayCalendar, Map<string, number>>();
function lateBy(cal: WorkdayCalendar, due: IsoDate, done: IsoDate): number {
  let memo = lateMemo.get(cal);
  if (!memo) lateMemo.set(cal, (memo = new Map()));
  const key = `${due}|${done}`;
  let n = memo.get(key);
  if (n === undefined) memo.set(key, (n = lateWorkdays(cal, due, done)));
  return n;
}

/** On time (done by the end of its due day) earns 1; late or still owed earns 0, with its workdays late. */
function deadlineLine(f: DeadlineFact, asOf: IsoDate, cal: WorkdayCalendar): FactLine {
  const onTime = f.doneOn !== null && f.doneOn <= f.due;
  const late = onTime ? 0 : lateBy(cal, f.due, f.doneOn ?? asOf);
  return {
    ref: f.ref,
    title: f.title,
    detail: f.detail,
    due: f.due,
    doneOn: f.doneOn,
    lateWorkdays: late,
    expected: null,
    actual: null,
    credit: onTime ? '1.0000' : '0.0000',
    outcome: onTime ? 'on_time' : f.doneOn ? 'late' : 'owed',
  };
}

/**
 * A target's credit: actual ÷ expected (expected ÷ actual for a reverse target), at most 1.
 * Stated rules for the edges, never a division by zero: nothing expected (null, 0 or less) → 1;
 * no actual reported → 0; a reverse target at 0 or less → 1.
 */
function targetCredit(t: TargetFact): { credit: Decimal; outcome: string } {
  if (t.expected === null || new Decimal(t.expected).lte(0)) return { credit: ONE, outcome: 'nothing_expected' };
  if (t.actual === null) return { credit: ZERO, outcome: 'no_actual' };
  const expected = new Decimal(t.expected);
  const actual = new Decimal(t.actual);
  if (t.reverse && actual.lte(0)) return { credit: ONE, outcome: 'reached' };
  const raw = t.reverse ? expected.div(actual) : actual.div(expected);
  const credit = Decimal.max(ZERO, Decimal.min(ONE, raw));
  return { credit, outcome: credit.gte(ONE) ? 'reached' : 'short' };
}

/** A project's credit: done ÷ planned, at most 1; nothing planned → 1. */
function investmentCredit(p: InvestmentFact): { credit: Decimal; outcome: string } {
  const planned = new Decimal(p.planned);
  if (planned.lte(0)) return { credit: ONE, outcome: 'nothing_expected' };
  const credit = Decimal.max(ZERO, Decimal.min(ONE, new Decimal(p.done).div(planned)));
  return { credit, outcome: credit.gte(ONE) ? 'reached' : 'short' };
}

const ratioLine = (f: { ref: string; title: string }, expected: string, actual: string | null, c: { credit: Decimal; outcome: string }): FactLine => ({
  ref: f.ref,
  title: f.title,
  detail: '',
  due: null,
  doneOn: null,
  lateWorkdays: 0,
  expected,
  actual,
  credit: credit4(c.credit),
  outcome: c.outcome,
});

function share(kind: IndicatorKind, lines: FactLine[], credits: Decimal[]): IndicatorShare {
  if (lines.length === 0) return { kind, rule: 'nothing_owed', ratio: ONE, counted: 0, facts: [] };
  const sum = credits.reduce((s, c) => s.plus(c), ZERO);
  return { kind, rule: 'share', ratio: sum.div(lines.length), counted: lines.length, facts: lines };
}

/** Facts not yet due on the day of scoring are left out: done early or not, they are not owed yet. */
function deadlines(kind: IndicatorKind, facts: readonly DeadlineFact[], asOf: IsoDate, cal: WorkdayCalendar): IndicatorShare {
  const lines = facts.filter((f) => f.due <= asOf).map((f) => deadlineLine(f, asOf, cal));
  if (lines.length === 0) return share(kind, lines, []);
  // Each earns 0 or 1: the share is a count (a Decimal per fact made a year's scoring slow).
  const met = lines.reduce((n, l) => n + (l.outcome === 'on_time' ? 1 : 0), 0);
  return { kind, rule: 'share', ratio: new Decimal(met).div(lines.length), counted: lines.length, facts: lines };
}

/** One indicator's share of its weight for one unit, with the facts behind it. */
export function indicatorShare(kind: IndicatorKind, facts: UnitFacts, asOf: IsoDate, cal: WorkdayCalendar): IndicatorShare {
  switch (kind) {
    case 'reporting_on_time':
      return deadlines(kind, facts.reports, asOf, cal);
    case 'task_delivery':
      return deadlines(kind, facts.tasks, asOf, cal);
    case 'rectification_on_time':
      return deadlines(kind, facts.rectifications, asOf, cal);
    case 'blockers_solved':
      return deadlines(kind, facts.blockers, asOf, cal);
    case 'dispatch_replies':
      return deadlines(kind, facts.replies, asOf, cal);
    case 'target_achievement': {
      const credits = facts.targets.map(targetCredit);
      return share(kind, facts.targets.map((t, i) => ratioLine(t, t.expected ?? '', t.actual, credits[i]!)), credits.map((c) => c.credit));
    }
    case 'project_investment': {
      const credits = facts.projects.map(investmentCredit);
      return share(kind, facts.projects.map((p, i) => ratioLine(p, p.planned, p.done, credits[i]!)), credits.map((c) => c.credit));
    }
    case 'leader_evaluation': {
      if (!facts.evaluation) return { kind, rule: 'manual_missing', ratio: ONE, counted: 0, facts: [] };
      const score = Decimal.max(ZERO, Decimal.min(100, new Decimal(facts.evaluation.score)));
      return { kind, rule: 'manual', ratio: score.div(100), counted: 1, facts: [] };
    }
  }
}

/** Whether a unit has any fact at all for the computed indicators (one without is not ranked). */
export const hasFacts = (f: UnitFacts): boolean =>
  [f.reports, f.tasks, f.targets, f.projects, f.rectifications, f.blockers, f.replies].some((l) => l.length > 0) || f.evaluation !== null;
