import { dayNumber, fromDayNumber, type IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import { periodOf, periodRange, reportDueDate, type PeriodKind } from './periods.js';

/** How a period key is spelt for each kind (2026-W20, 2026-05, 2026-Q2). */
export function periodKindOf(p: string): PeriodKind | undefined {
  if (/^\d{4}-W\d{2}$/.test(p)) return 'weekly';
  if (/^\d{4}-Q[1-4]$/.test(p)) return 'quarterly';
  if (/^\d{4}-\d{2}$/.test(p)) return 'monthly';
  return undefined;
}

/** Whether `p` is a real period of the item's reporting kind (a monthly task cannot be reported for 2026-Q2). */
export const isPeriodOf = (p: string, kind: PeriodKind): boolean => periodKindOf(p) === kind && periodRange(p) !== undefined;

/** A period that has not begun yet cannot be reported on; the current one can (progress so far). */
export function isFuturePeriod(p: string, today: IsoDate): boolean {
  const r = periodRange(p);
  return !r || dayNumber(r.start) > dayNumber(today);
}

/**
 * The period a unit is asked to report on today: the previous period while its report is still
 * due (within the grace workdays after it ended), otherwise the current one.
 */
export function openPeriod(kind: PeriodKind, today: IsoDate, cal: WorkdayCalendar): { period: string; dueDate: IsoDate } {
  const current = periodOf(today, kind);
  const start = periodRange(current)!.start;
  const previous = periodOf(fromDayNumber(dayNumber(start) - 1), kind);
  const previousDue = reportDueDate(previous, cal)!;
  if (dayNumber(today) <= dayNumber(previousDue)) return { period: previous, dueDate: previousDue };
  return { period: current, dueDate: reportDueDate(current, cal)! };
}

/**
 * The periods a report form offers (the period is picked, not typed): the current period and the
 * `count - 1` before it, newest first, each with its due date; the one the unit is asked for today
 * (openPeriod) is marked. A period that has not begun is never offered.
 */
export function reportablePeriods(kind: PeriodKind, today: IsoDate, cal: WorkdayCalendar, count = 6): { period: string; dueDate: IsoDate; open: boolean }[] {
  const open = openPeriod(kind, today, cal).period;
  const out: { period: string; dueDate: IsoDate; open: boolean }[] = [];
  let day = today;
  for (let i = 0; i < count; i++) {
    const p = periodOf(day, kind);
    out.push({ period: p, dueDate: reportDueDate(p, cal)!, open: p === open });
    day = fromDayNumber(dayNumber(periodRange(p)!.start) - 1);
  }
  return out;
}
