import type { IsoDate } from './calendar/days.js';
import { periodOf, periodRange } from './periods.js';

/** The periods the dashboard counts activity over (this week, month, quarter, year, or custom days). */
export const DASHBOARD_PERIODS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

const KIND = { week: 'weekly', month: 'monthly', quarter: 'quarterly' } as const;

/** First and last day (Asia/Shanghai) of the period that contains `today`; custom takes the days given. */
export function dashboardRange(kind: DashboardPeriod, today: IsoDate, custom?: { from: IsoDate; to: IsoDate }): { from: IsoDate; to: IsoDate } {
  if (kind === 'custom' && custom) return custom.from <= custom.to ? custom : { from: custom.to, to: custom.from };
  if (kind === 'year' || kind === 'custom') return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  const r = periodRange(periodOf(today, KIND[kind]))!;
  return { from: r.start, to: r.end };
}

/** How long an unresolved blocker has sat at its level, in workdays: what the age panel groups by. */
export const BLOCKER_AGES = ['fresh', 'waiting', 'stuck'] as const;
export type BlockerAge = (typeof BLOCKER_AGES)[number];

/** Up to 5 workdays fresh, up to 20 waiting, beyond that stuck (a month of workdays with no move). */
export function blockerAge(workdays: number): BlockerAge {
  if (workdays <= 5) return 'fresh';
  if (workdays <= 20) return 'waiting';
  return 'stuck';
}

/** Met, missed and not yet known, from year outlooks (首战告捷 asks this of the program's first year). */
export function verdictCounts(outlooks: readonly { willMeet: boolean | null }[]): { met: number; missed: number; unknown: number } {
  let met = 0;
  let missed = 0;
  for (const o of outlooks) {
    if (o.willMeet === true) met++;
    else if (o.willMeet === false) missed++;
  }
  return { met, missed, unknown: outlooks.length - met - missed };
}
