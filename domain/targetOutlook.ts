import Decimal from 'decimal.js';
import { periodsOfYear } from './periods.js';
import { forecastYearEnd, type DecimalString, type TrajectoryInput } from './targets.js';
import type { Direction } from './work.js';

export interface YearOutlook {
  year: number;
  goal: DecimalString | null;
  /** The year-end value: the final actual once the year's last period is in, else the trend's forecast. */
  value: DecimalString | null;
  basis: 'final' | 'trend' | 'none';
  willMeet: boolean | null;
}

/** Whether a year's goal is (or will be) met: 首战告捷 is this question asked of the program's first year. */
export function yearOutlook(t: TrajectoryInput & { direction: Direction }, year: number, actuals: readonly { period: string; value: DecimalString }[]): YearOutlook {
  const periods = periodsOfYear(year, t.period);
  const last = actuals.find((a) => a.period === periods[periods.length - 1]);
  const goal = t.goals.find((g) => g.year === year)?.goal ?? null;
  if (last) {
    const v = new Decimal(last.value);
    const willMeet = goal === null ? null : t.direction === 'higher' ? v.gte(goal) : v.lte(goal);
    return { year, goal, value: v.toFixed(4), basis: 'final', willMeet };
  }
  const f = forecastYearEnd(t, year, actuals.filter((a) => periods.includes(a.period)));
  return { year, goal, value: f.value, basis: f.value === null ? 'none' : 'trend', willMeet: f.willMeet };
}
