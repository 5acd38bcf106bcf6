import type { IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import type { PeriodKind } from './periods.js';
import { openPeriod } from './reportPeriod.js';

/** A task is due soon from today until this many workdays ahead. */
export const DUE_SOON_WORKDAYS = 5;

/** The day a unit workbench is read on: today, the last day that is "due soon", each kind's open period. */
export interface WorkbenchDay {
  today: IsoDate;
  soon: IsoDate;
  open: Record<PeriodKind, { period: string; dueDate: IsoDate }>;
}

/** Computed once a page: every item of the workbench is placed against the same day. */
export function workbenchDay(today: IsoDate, calendar: WorkdayCalendar): WorkbenchDay {
  return {
    today,
    soon: calendar.addWorkdays(today, DUE_SOON_WORKDAYS),
    open: { weekly: openPeriod('weekly', today, calendar), monthly: openPeriod('monthly', today, calendar), quarterly: openPeriod('quarterly', today, calendar) },
  };
}

/** The period an item is asked about today; a kind the day does not know is read as monthly (the default). */
export function openPeriodOf(day: WorkbenchDay, kind: string): { period: string; dueDate: IsoDate } {
  return kind === 'weekly' || kind === 'quarterly' ? day.open[kind] : day.open.monthly;
}

/**
 * Whether the unit has answered for the open period: any report of its own for that period, in any
 * status (a draft or a returned report is the unit's to finish, listed elsewhere, not a second ask).
 * The unit workbench's SQL asks the same with `exists (… period = <open period of the kind>)`.
 */
export function reportedOpenPeriod(day: WorkbenchDay, kind: string, reportedPeriods: readonly string[]): boolean {
  return reportedPeriods.includes(openPeriodOf(day, kind).period);
}

// Stored dates are ISO text, which orders as the days do.
const before = (a: IsoDate, b: IsoDate) => a < b;

const hasReason = (reasons: unknown, ...codes: string[]) =>
  Array.isArray(reasons) && reasons.some((r: { code?: unknown } | null) => typeof r?.code === 'string' && codes.includes(r.code));

/** A unit's share of a task, as its workbench sees it. */
export interface ShareFacts {
  claimStatus: string;
  done: boolean;
  startDate: IsoDate | null;
  /** taskDueDate: the deadline or next due date. */
  due: IsoDate | null;
  /** The stored light and its reasons (from the last refresh). */
  light: string;
  lightReasons: unknown;
  /** reportedOpenPeriod for the task's report period. */
  reported: boolean;
}

/** The unit workbench's lists a task share belongs on. */
export interface ShareLists {
  toClaim: boolean;
  claimToApprove: boolean;
  toReport: boolean;
  dueSoon: boolean;
  overdue: boolean;
}

/**
 * Where a share shows on its unit's workbench. To claim: never claimed, or its claim returned. A
 * claim to approve: submitted. A task not done is to report once it is claimed (submitted or
 * approved), has started, and has no report of the unit's for its open period; due soon when its
 * date is today or within five workdays; overdue when its date has passed or its light is red for
 * an overdue deadline or milestone. A task past its date is never due soon; one with an overdue
 * milestone and its deadline near is both.
 */
export function shareLists(s: ShareFacts, day: WorkbenchDay): ShareLists {
  const active = !s.done;
  const claimed = s.claimStatus === 'submitted' || s.claimStatus === 'approved';
  const started = s.startDate === null || !before(day.today, s.startDate);
  return {
    toClaim: s.claimStatus === 'unclaimed' || s.claimStatus === 'returned',
    claimToApprove: s.claimStatus === 'submitted',
    toReport: active && claimed && started && !s.reported,
    dueSoon: active && s.due !== null && !before(s.due, day.today) && !before(day.soon, s.due),
    overdue: active && ((s.due !== null && before(s.due, day.today)) || (s.light === 'red' && hasReason(s.lightReasons, 'overdue', 'milestone_overdue'))),
  };
}

/** A key project the unit is responsible for, as its workbench sees it. */
export interface ProjectFacts {
  stage: string;
  light: string;
  lightReasons: unknown;
  /** reportedOpenPeriod for monthly: projects report every month. */
  reported: boolean;
}

/** To report until it is in operation (投产) and reported for the open month; overdue when a planned stage date has passed. */
export function projectLists(p: ProjectFacts): { toReport: boolean; overdue: boolean } {
  return { toReport: p.stage !== 'operating' && !p.reported, overdue: p.light === 'red' && hasReason(p.lightReasons, 'milestone_overdue') };
}
