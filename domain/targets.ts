import Decimal from 'decimal.js';
import { periodsOfYear, type PeriodKind } from './periods.js';
import type { Direction, TargetAccumulation } from './work.js';

/** Decimal values travel as strings ("1234.5000") so no floating point touches them. */
export type DecimalString = string;

export interface TrajectoryInput {
  baseline: DecimalString;
  /** Goal for the end of each program year. */
  goals: { year: number; goal: DecimalString }[];
  period: PeriodKind;
  /** Entered points override the linear ones, period by period. */
  entered?: ReadonlyMap<string, DecimalString>;
  /** How the actuals add up (时点值 by default): the trajectory and the year's value follow it. */
  accumulation?: TargetAccumulation;
}

export interface TrajectoryPoint {
  period: string;
  year: number;
  expected: DecimalString;
}

/**
 * The precision a target's figures are stated to: the most decimals its baseline, goals or actuals
 * were written with (trailing zeros aside, at most 4, the stored scale). A trajectory point computed
 * as 20.9667 against goals of 20 and 25 reads "21", not four decimals nobody typed.
 */
export function targetPrecision(values: readonly (DecimalString | null | undefined)[]): number {
  let dp = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    try {
      dp = Math.max(dp, Math.min(4, new Decimal(v).toDecimalPlaces(4).decimalPlaces()));
    } catch {
      /* not a number: it does not set the precision */
    }
  }
  return dp;
}

/** A figure at a target's precision ("20.9667" at 1 decimal → "21.0"), rounding half up. */
export function targetFigure(v: DecimalString | number, decimals: number): string {
  const dp = Math.max(0, Math.min(4, Math.trunc(decimals)));
  return new Decimal(v).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
}

/**
 * The planned trajectory, one point per reporting period. 时点值: within each year, a straight line
 * from the previous year's goal (the baseline in year one) to this year's goal. 累计值: the year's
 * goal pro rata, from nothing at the year's start (year to date). 当期值: each period's share of the
 * year's goal.
 */
export function trajectory(t: TrajectoryInput): TrajectoryPoint[] {
  const goals = [...t.goals].sort((a, b) => a.year - b.year);
  const out: TrajectoryPoint[] = [];
  const kind = t.accumulation ?? 'level';
  let from = new Decimal(t.baseline);
  for (const g of goals) {
    const to = new Decimal(g.goal);
    const periods = periodsOfYear(g.year, t.period);
    const n = periods.length;
    periods.forEach((p, i) => {
      const linear = kind === 'cumulative' ? to.times(i + 1).div(n) : kind === 'periodic' ? to.div(n) : from.plus(to.minus(from).times(i + 1).div(n));
      out.push({ period: p, year: g.year, expected: t.entered?.get(p) ?? linear.toDecimalPlaces(4).toFixed(4) });
    });
    from = to;
  }
  return out;
}

export interface Forecast {
  year: number;
  /** Forecast year-end value, or null with fewer than one actual in the year. */
  value: DecimalString | null;
  goal: DecimalString | null;
  willMeet: boolean | null;
}

/**
 * Year-end forecast from the trend of this year's actuals: least squares through the year's start
 * value and every actual so far, extended to the last period. The start value is `start` when the
 * caller knows where the year really began (last year's final actual), else the previous goal or
 * the baseline.
 */
export function forecastYearEnd(
  t: TrajectoryInput & { direction: Direction },
  year: number,
  actuals: { period: string; value: DecimalString }[],
  start?: DecimalString,
): Forecast {
  const periods = periodsOfYear(year, t.period);
  const goals = [...t.goals].sort((a, b) => a.year - b.year);
  const goal = goals.find((g) => g.year === year)?.goal ?? null;
  const prev = start ?? goals.filter((g) => g.year < year).pop()?.goal ?? t.baseline;
  const pts: [Decimal, Decimal][] = [[new Decimal(0), new Decimal(prev)]];
  for (const a of actuals) {
    const i = periods.indexOf(a.period);
    if (i >= 0) pts.push([new Decimal(i + 1), new Decimal(a.value)]);
  }
  if (pts.length < 2) return { year, value: null, goal, willMeet: null };
  const n = new Decimal(pts.length);
  const sx = pts.reduce((s, [x]) => s.plus(x), new Decimal(0));
  const sy = pts.reduce((s, [, y]) => s.plus(y), new Decimal(0));
  const sxx = pts.reduce((s, [x]) => s.plus(x.times(x)), new Decimal(0));
  const sxy = pts.reduce((s, [x, y]) => s.plus(x.times(y)), new Decimal(0));
  const denom = n.times(sxx).minus(sx.times(sx));
  const slope = denom.isZero() ? new Decimal(0) : n.times(sxy).minus(sx.times(sy)).div(denom);
  const intercept = sy.minus(slope.times(sx)).div(n);
  const value = intercept.plus(slope.times(periods.length)).toDecimalPlaces(4);
  const willMeet = goal === null ? null : t.direction === 'higher' ? value.gte(goal) : value.lte(goal);
  return { year, value: value.toFixed(4), goal, willMeet };
}

/**
 * Where a target stands in a year at its latest reported period, as the year's goal counts: the
 * year to date for 累计值 (its latest figure) and 当期值 (the sum of its periods), the level for
 * 时点值; and what the trajectory expects by then on the same footing. Null without a figure in the year.
 */
export function yearToDate(
  t: TrajectoryInput,
  year: number,
  actuals: readonly { period: string; value: DecimalString }[],
): { period: string; actual: DecimalString; expected: DecimalString; share: Decimal } | null {
  const periods = periodsOfYear(year, t.period);
  const inYear = actuals.filter((a) => periods.includes(a.period)).sort((a, b) => a.period.localeCompare(b.period));
  const latest = inYear[inYear.length - 1];
  if (!latest) return null;
  const k = periods.indexOf(latest.period) + 1;
  const upTo = trajectory(t).filter((p) => p.year === year && periods.indexOf(p.period) < k);
  if (!upTo.length) return null;
  const kind = t.accumulation ?? 'level';
  const sum = (xs: readonly DecimalString[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));
  const actual = kind === 'periodic' ? sum(inYear.map((a) => a.value)) : new Decimal(latest.value);
  const expected = kind === 'periodic' ? sum(upTo.map((p) => p.expected)) : new Decimal(upTo[upTo.length - 1]!.expected);
  return { period: latest.period, actual: actual.toFixed(4), expected: expected.toFixed(4), share: new Decimal(k).div(periods.length) };
}
