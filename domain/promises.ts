import type { IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';

/**
 * 书面说明 (a written response a unit is asked for): requested → drafted (the liaison's or the
 * head's text, amendable) → answered (sent by the unit head: the answer goes back to the asker).
 */
export const REQUEST_STATUSES = ['requested', 'drafted', 'answered'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** 履约践诺: a promise to an enterprise is pending until it is kept (by its unit, with evidence) or found broken (by oversight). */
export const PROMISE_STATUSES = ['pending', 'kept', 'broken'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** What a promise shows: its status, or overdue while pending past its deadline (never stored). */
export const PROMISE_STATES = ['pending', 'overdue', 'kept', 'broken'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/** A written response is due this many workdays after the request unless the asker says otherwise. */
export const RESPONSE_WORKDAYS = 5;
/** The longest an asker may give (three months of workdays). */
export const RESPONSE_WORKDAYS_MAX = 60;

/** The response's deadline: `workdays` workdays after today on the district's calendar. */
export function responseDeadline(cal: WorkdayCalendar, today: IsoDate, workdays: number = RESPONSE_WORKDAYS): IsoDate {
  return cal.addWorkdays(today, workdays);
}

/** The request is late: not yet answered and its deadline day has passed. */
export function requestOverdue(status: RequestStatus, deadline: IsoDate, today: IsoDate): boolean {
  return status !== 'answered' && deadline < today;
}

/** Overdue: still pending and its deadline day has passed (kept or broken promises are never late). */
export function promiseOverdue(status: PromiseStatus, deadline: IsoDate, today: IsoDate): boolean {
  return status === 'pending' && deadline < today;
}

/** The state a promise shows on the ledger. */
export function promiseState(status: PromiseStatus, deadline: IsoDate, today: IsoDate): PromiseState {
  return promiseOverdue(status, deadline, today) ? 'overdue' : status;
}

/** A promise's deadline may not precede the day it is recorded. */
export const promiseDeadlineOk = (deadline: IsoDate, today: IsoDate): boolean => deadline >= today;

/** Counts per shown state (`n`: rows a grouped read stands for): the leader's red (overdue, broken) and green (kept) figure. */
export function promiseCounts(rows: readonly { status: PromiseStatus; deadline: IsoDate; n?: number }[], today: IsoDate): Record<PromiseState, number> {
  const counts: Record<PromiseState, number> = { pending: 0, overdue: 0, kept: 0, broken: 0 };
  for (const r of rows) counts[promiseState(r.status, r.deadline, today)] += r.n ?? 1;
  return counts;
}
