import Decimal from 'decimal.js';
import type { DecimalString } from './targets.js';

export interface MonthInvestment {
  month: string;
  planned: DecimalString;
  done: DecimalString;
  plannedCumulative: DecimalString;
  doneCumulative: DecimalString;
}

const money = (d: Decimal) => d.toDecimalPlaces(2).toFixed(2);

/**
 * Planned vs. done investment by month (万元), for a project's chart. A year's planned investment is
 * spread evenly over its twelve months, rounded so that the months add up to the year exactly;
 * cumulative values start again each year (the yearly plan is what a project is held to).
 */
export function investmentByMonth(
  yearPlans: readonly { year: number; planned: DecimalString }[],
  months: readonly { month: string; done: DecimalString }[],
): { months: MonthInvestment[]; totals: { planned: DecimalString; done: DecimalString } } {
  const plans = new Map(yearPlans.map((p) => [p.year, new Decimal(p.planned)]));
  const done = new Map(months.map((m) => [m.month, new Decimal(m.done)]));
  const years = [...new Set([...plans.keys(), ...months.map((m) => Number(m.month.slice(0, 4)))])].filter(Number.isFinite).sort((a, b) => a - b);
  const out: MonthInvestment[] = [];
  for (const year of years) {
    const planned = plans.get(year) ?? new Decimal(0);
    let prevPlanned = new Decimal(0);
    let doneCum = new Decimal(0);
    for (let i = 1; i <= 12; i++) {
      const month = `${year}-${String(i).padStart(2, '0')}`;
      const plannedCum = planned.times(i).div(12).toDecimalPlaces(2);
      const d = done.get(month) ?? new Decimal(0);
      doneCum = doneCum.plus(d);
      out.push({ month, planned: money(plannedCum.minus(prevPlanned)), done: money(d), plannedCumulative: money(plannedCum), doneCumulative: money(doneCum) });
      prevPlanned = plannedCum;
    }
  }
  const sum = (xs: Iterable<Decimal>) => [...xs].reduce((s, x) => s.plus(x), new Decimal(0));
  return { months: out, totals: { planned: money(sum(plans.values())), done: money(sum(done.values())) } };
}

export interface YearInvestment {
  year: number;
  /** The year's planned investment (万元), or null when the project has no plan for the year. */
  planned: DecimalString | null;
  /** Investment done in the year's months so far (万元). */
  done: DecimalString;
  /** Done as a percentage of planned, one decimal (年度投资完成率); null without a plan above zero. */
  rate: DecimalString | null;
}

/** A project's investment in one year: what the list shows beside each project. */
export function yearInvestment(year: number, planned: DecimalString | null, doneMonths: readonly DecimalString[]): YearInvestment {
  const done = doneMonths.reduce((s, d) => s.plus(d), new Decimal(0));
  const p = planned === null ? null : new Decimal(planned);
  const rate = p === null || p.isZero() ? null : done.div(p).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return { year, planned: p === null ? null : money(p), done: money(done), rate };
}

/**
 * Splits an amount of money (万元, to the cent) in proportion to weights so that the parts add up to
 * the amount exactly: each part is rounded down to the cent and the cents left over go, one each, to
 * the parts that lost most in rounding (largest remainder). Rounding each share alone planned
 * 385999.99 of a 386000.00 project.
 */
export function allocateMoney(amount: DecimalString, weights: readonly number[]): DecimalString[] {
  const cents = new Decimal(amount).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? new Decimal(x) : new Decimal(0)));
  const sum = w.reduce((a, b) => a.plus(b), new Decimal(0));
  if (sum.isZero()) return weights.map(() => '0.00');
  const exact = w.map((x) => cents.times(x).div(sum));
  const parts = exact.map((x) => x.floor());
  let left = cents.minus(parts.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = exact.map((x, i) => ({ i, rest: x.minus(x.floor()) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (w[i]!.isZero()) continue;
    parts[i] = parts[i]!.plus(1);
    left--;
  }
  return parts.map((c) => c.div(100).toFixed(2));
}
