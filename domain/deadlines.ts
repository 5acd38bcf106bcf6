import { dayNumber, type IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import type { DeadlineKind } from './work.js';

/** A recurring deadline: { every: 'month', day: 10 } is 每月10日前; quarters fall in their first month (季后N日前). */
export interface Recurrence {
  every: 'month' | 'quarter';
  day: number;
}

/** The facts of a task's deadline, as stored. */
export interface DeadlineFacts {
  deadlineKind: DeadlineKind;
  deadline?: IsoDate | null;
  recurrence?: Recurrence | null;
  startDate?: IsoDate | null;
}

export type DeadlineProblem = { field: 'deadline' | 'recurrence' | 'startDate'; code: 'required' | 'order' };

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => dayNumber(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`) - dayNumber(`${y}-${pad(m)}-01`);

/** What is missing or inconsistent in a deadline: a dated task needs its date, a recurring one its rule. */
export function deadlineProblem(d: DeadlineFacts): DeadlineProblem | null {
  if (d.deadlineKind === 'date' && !d.deadline) return { field: 'deadline', code: 'required' };
  if (d.deadlineKind === 'recurring' && !d.recurrence) return { field: 'recurrence', code: 'required' };
  if (d.deadlineKind !== 'ongoing' && d.startDate && d.deadline && d.startDate > d.deadline) return { field: 'deadline', code: 'order' };
  return null;
}

/**
 * The first due date on or after `from` of a recurring deadline. The set day is clamped to the
 * month's length (day 31 in February is its last day) and moves to the next workday when it is not
 * one, so the due date compared with `from` is the effective one.
 */
export function nextRecurringDue(r: Recurrence, from: IsoDate, cal: WorkdayCalendar): IsoDate {
  const step = r.every === 'month' ? 1 : 3;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  if (r.every === 'quarter') m -= (m - 1) % 3;
  // Start one period back: last period's due date may have moved past a holiday into `from`.
  m -= step;
  for (let i = 0; i < 8; i++) {
    if (m < 1) {
      m += 12;
      y--;
    } else if (m > 12) {
      m -= 12;
      y++;
    }
    const set = `${y}-${pad(m)}-${pad(Math.min(Math.max(1, Math.trunc(r.day)), daysInMonth(y, m)))}`;
    const due = cal.addWorkdays(set, 0);
    if (due >= from) return due;
    m += step;
  }
  return from; // unreachable: some occurrence within eight periods is on or after `from`
}

/**
 * The date stored as a task's next due date: the deadline of a dated task, the next occurrence of
 * a recurring one (from today, or from its start when it starts later; none after its end date),
 * nothing for an ongoing one (长期坚持).
 */
export function nextDue(d: DeadlineFacts, today: IsoDate, cal: WorkdayCalendar): IsoDate | null {
  if (d.deadlineKind === 'date') return d.deadline ?? null;
  if (d.deadlineKind !== 'recurring' || !d.recurrence) return null;
  const from = d.startDate && d.startDate > today ? d.startDate : today;
  if (Number.isNaN(dayNumber(from))) return null;
  const due = nextRecurringDue(d.recurrence, from, cal);
  return d.deadline && due > d.deadline ? null : due;
}

/**
 * The date a task is held to: its deadline, or for a recurring task the next due date; an ongoing
 * task has none. Lights, item lines and the workbenches all read this one date (the unit workbench's
 * SQL `taskDue` mirrors it).
 */
export function taskDueDate(t: { deadlineKind: string; deadline: IsoDate | null; nextDue: IsoDate | null }): IsoDate | null {
  return t.deadlineKind === 'date' ? t.deadline : t.deadlineKind === 'recurring' ? t.nextDue : null;
}
