import { dayNumber, fromDayNumber, type IsoDate } from '../domain/calendar/days.js';
import type { WorkdayCalendar } from '../domain/calendar/workdays.js';
import { nextDue, type Recurrence } from '../domain/deadlines.js';
import { periodOf, periodRange, type PeriodKind } from '../domain/periods.js';
import type { DeadlineKind } from '../domain/work.js';
import type { DueSpec } from './workTaskSpec.js';

/**
 * The demo's clock: everything is dated from the load date, so the program is always under way.
 * Year one (首战告捷) is last year; the first meeting of the leading group was on 10 May of it.
 */
export interface DemoClock {
  today: IsoDate;
  cal: WorkdayCalendar;
  startYear: number;
  /** The day the plans were approved and the work began. */
  programStart: IsoDate;
}

export function demoClock(today: IsoDate, cal: WorkdayCalendar): DemoClock {
  const startYear = Number(today.slice(0, 4)) - 1;
  return { today, cal, startYear, programStart: `${startYear}-05-10` };
}

export const addDays = (d: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(d) + n);
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** An instant at a wall-clock time in Asia/Shanghai. */
export function at(d: IsoDate, hour: number, minute = 0): Date {
  return new Date(`${d}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

export interface DeadlineColumns {
  deadlineKind: DeadlineKind;
  deadline: IsoDate | null;
  recurrence: Recurrence | null;
  nextDue: IsoDate | null;
  startDate: IsoDate;
}

/** A task's stored deadline columns from its spec (the same nextDue rule the API uses). */
export function deadlineOf(spec: DueSpec | undefined, c: DemoClock, start: IsoDate): DeadlineColumns {
  const y = c.startYear;
  const dated = (deadline: IsoDate, startDate = start): DeadlineColumns => ({ deadlineKind: 'date', deadline, recurrence: null, nextDue: deadline, startDate });
  if (!spec || spec === 'ongoing') return { deadlineKind: 'ongoing', deadline: null, recurrence: null, nextDue: null, startDate: start };
  if (spec === 'y1') return dated(`${y}-12-31`);
  if (spec === 'y1h') return dated(`${y}-09-30`);
  if (spec === 'y2h') return dated(`${y + 1}-06-30`);
  if (spec === 'y2') return dated(`${y + 1}-12-31`);
  if (spec === 'y3') return dated(`${y + 2}-12-31`);
  if ('workdays' in spec) {
    const deadline = c.cal.addWorkdays(c.today, spec.workdays);
    return dated(deadline, spec.span ? c.cal.addWorkdays(c.today, -spec.span) : start);
  }
  const recurrence: Recurrence = 'month' in spec ? { every: 'month', day: spec.month } : { every: 'quarter', day: spec.quarter };
  const cols = { deadlineKind: 'recurring' as const, deadline: null, recurrence, startDate: start };
  return { ...cols, nextDue: nextDue(cols, c.today, c.cal) };
}

/** Periods of a kind from the one holding `from` through the one holding `to`, in order. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  if (from > to) return out;
  let p = periodOf(from, kind);
  const last = periodOf(to, kind);
  for (let i = 0; i < 400; i++) {
    out.push(p);
    if (p === last) break;
    p = periodOf(addDays(periodRange(p)!.end, 1), kind);
  }
  return out;
}
