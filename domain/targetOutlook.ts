import Decimal from 'decimal.js';
import { periodsOfYear } from './periods.js';
import { forecastYearEnd, yearToDate, type DecimalString, type TrajectoryInput } from './targets.js';
import type { Direction } from './work.js';

export interface YearOutlook {
  year: number;
  goal: DecimalString | null;
  /** The year-end value: the final actual once the year's last period is in, else the trend's forecast. */
  value: DecimalString | null;
  basis: 'final' | 'trend' | 'none';
  willMeet: boolean | null;
}

/** Decimal places a value is written with, ignoring trailing zeros ("9.8000" → 1, "12" → 0). */
function places(v: DecimalString): number {
  return new Decimal(v).decimalPlaces();
}

/**
 * Whether a year's goal is (or will be) met: 首战告捷 is this question asked of the program's first year.
 * A forecast is stated as precisely as the target's own figures are (a trend of 10.0891 from actuals
 * like 9.8 reads 10.1), and whether it meets the goal is judged on that stated value, so that the
 * figure and the verdict beside it never disagree.
 */
export function yearOutlook(t: TrajectoryInput & { direction: Direction }, year: number, actuals: readonly { period: string; value: DecimalString }[]): YearOutlook {
  const periods = periodsOfYear(year, t.period);
  const last = actuals.find((a) => a.period === periods[periods.length - 1]);
  const goal = t.goals.find((g) => g.year === year)?.goal ?? null;
  const meets = (v: Decimal) => (goal === null ? null : t.direction === 'higher' ? v.gte(goal) : v.lte(goal));
  const kind = t.accumulation ?? 'level';
  if (kind !== 'level') {
    // 累计值 and 当期值: the year's value is what has added up so far, carried to the year's end pro rata.
    const ytd = yearToDate(t, year, actuals);
    if (!ytd) return { year, goal, value: null, basis: 'none', willMeet: null };
    const inYear = actuals.filter((a) => periods.includes(a.period));
    const dp = Math.max(0, ...[t.baseline, ...t.goals.map((g) => g.goal), ...inYear.map((a) => a.value)].map(places));
    const final = ytd.share.gte(1);
    const value = (final ? new Decimal(ytd.actual) : new Decimal(ytd.actual).div(ytd.share)).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
    return { year, goal, value: value.toFixed(dp), basis: final ? 'final' : 'trend', willMeet: meets(value) };
  }
  if (last) {
    const v = new Decimal(last.value);
    return { year, goal, value: v.toFixed(places(last.value)), basis: 'final', willMeet: meets(v) };
  }
  const inYear = actuals.filter((a) => periods.includes(a.period));
  // The trend starts from where last year actually ended, when that was reported, not from last year's goal.
  const before = periodsOfYear(year - 1, t.period);
  const start = actuals.find((a) => a.period === before[before.length - 1])?.value;
  const f = forecastYearEnd(t, year, inYear, start);
  if (f.value === null) return { year, goal, value: null, basis: 'none', willMeet: null };
  const dp = Math.max(0, ...[t.baseline, ...t.goals.map((g) => g.goal), ...inYear.map((a) => a.value), ...(start ? [start] : [])].map(places));
  const stated = new Decimal(f.value).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
  return { year, goal, value: stated.toFixed(dp), basis: 'trend', willMeet: meets(stated) };
}

/** The newest actual (by period), or null. */
export function latestActual<A extends { period: string }>(actuals: readonly A[]): A | null {
  return actuals.reduce<A | null>((best, a) => (best === null || a.period > best.period ? a : best), null);
}

/**
 * The two verdicts the dashboard counts for a target — this year's and its program's first year's
 * (首战告捷) — stored with its light by whatever recomputes the light, so that the dashboard reads
 * them instead of every target's actuals. Each names its year: a stored verdict of another year (the
 * new year before the midnight run, a program whose first year was moved) is not used.
 */
export interface TargetVerdicts {
  year: number;
  willMeet: boolean | null;
  firstYear: number;
  firstWillMeet: boolean | null;
}

export function targetVerdicts(t: TrajectoryInput & { direction: Direction }, year: number, firstYear: number, actuals: readonly { period: string; value: DecimalString }[]): TargetVerdicts {
  const willMeet = yearOutlook(t, year, actuals).willMeet;
  return { year, willMeet, firstYear, firstWillMeet: firstYear === year ? willMeet : yearOutlook(t, firstYear, actuals).willMeet };
}
