import Decimal from 'decimal.js';
import type { DecimalString } from './targets.js';

// Enough digits that sums and products of stored figures (weight numeric(10,4), progress
// numeric(5,2)) are never rounded: the only rounding is the final one, to the cent.
const Exact = Decimal.clone({ precision: 200 });

/** A child task as its parent's progress sees it. */
export interface WeightedProgress {
  weight: Decimal.Value;
  progress: Decimal.Value;
}

/**
 * A parent's progress (一级抓一级): its children's progress weighted by their weights, rounded half
 * up to two decimals as the column stores it. Without weight (no children) it is 0.00. Weights and
 * progress are not negative (the schemas say so); the rounding is exact — a quotient is never
 * rounded twice, so 12.344999… does not become 12.35 by way of 12.345.
 */
export function rollUpProgress(children: readonly WeightedProgress[]): DecimalString {
  const total = children.reduce((s, c) => s.plus(c.weight), new Exact(0));
  if (total.isZero()) return '0.00';
  const cents = children.reduce((s, c) => s.plus(new Exact(c.progress).times(c.weight)), new Exact(0)).times(100);
  const whole = cents.divToInt(total);
  const rest = cents.minus(whole.times(total));
  return (rest.times(2).gte(total) ? whole.plus(1) : whole).div(100).toFixed(2);
}

/** A child task's facts that its parent takes over. */
export interface ChildFacts extends WeightedProgress {
  done: boolean;
  lastReportDate: string | null;
}

/** What a parent task shows, from its children. */
export interface RolledUp {
  progress: DecimalString;
  done: boolean;
  lastReportDate: string | null;
}

/**
 * A parent task's facts from its children's: the weighted progress, done when it has children and
 * all are done, and the latest of its own and its children's last reports (a parent is reported
 * through its subtasks, so it is not stale while they are not).
 */
export function rollUpParent(ownLastReportDate: string | null, children: readonly ChildFacts[]): RolledUp {
  const lastReportDate =
    [ownLastReportDate, ...children.map((c) => c.lastReportDate)].filter((d): d is string => !!d).sort().pop() ?? null;
  return { progress: rollUpProgress(children), done: children.length > 0 && children.every((c) => c.done), lastReportDate };
}
