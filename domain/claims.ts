import type { IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';

/** Workdays a unit has to claim (认领) a task after it was assigned, unless the office asks for another window. */
export const CLAIM_WORKDAYS = 5;

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
