import { dayNumber, fromDayNumber, type IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';

/** Workdays a unit has to claim (认领) a task after it was assigned, unless the office asks for another window. */
export const CLAIM_WORKDAYS = 5;

/**
 * Workdays the unit head has to approve (or return) a submitted claim, and the unit to claim again
 * after one was returned: the reminders' due days for 待审核认领 and 被退回认领.
 */
export const CLAIM_REVIEW_WORKDAYS = 3;
export const RECLAIM_WORKDAYS = 3;

/** When a claim is due and how many workdays it is late (0 or less: not yet late). */
export interface ClaimDeadline {
  due: IsoDate;
  lateWorkdays: number;
}

/**
 * The claim deadline of a share assigned on `assigned` (Asia/Shanghai date): `workdays` workdays
 * later on China's calendar. The HQ desk, the unit's workbench and the task's light all read it here,
 * so that they say the same date and the same number of days.
 */
export function claimDeadline(cal: WorkdayCalendar, assigned: IsoDate, today: IsoDate, workdays: number = CLAIM_WORKDAYS): ClaimDeadline {
  const due = cal.addWorkdays(assigned, workdays);
  return { due, lateWorkdays: -cal.workdaysUntil(today, due) };
}

/**
 * Whether a share not yet claimed is late (逾期未认领): a workday has passed since its claim
 * deadline. The task's light (claim_overdue) and the HQ desk's list both ask this, so that a share
 * is never listed as late by 0 workdays on the weekend after its deadline while its light waits.
 */
export function claimLate(cal: WorkdayCalendar, assigned: IsoDate, today: IsoDate, workdays: number = CLAIM_WORKDAYS): boolean {
  return claimDeadline(cal, assigned, today, workdays).lateWorkdays > 0;
}

/**
 * The last assignment day whose claim is late today (claimLate), so that a query can select the late
 * shares by their assignment date: lateness only falls as the assignment day moves on, so every
 * earlier day is late too and no later one is.
 */
export function lastLateAssignmentDay(cal: WorkdayCalendar, today: IsoDate, workdays: number = CLAIM_WORKDAYS): IsoDate {
  let d = dayNumber(today);
  while (!claimLate(cal, fromDayNumber(d), today, workdays)) d--;
  return fromDayNumber(d);
}
