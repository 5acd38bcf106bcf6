import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';

/** A unit may appeal a published result within this many workdays of its publication. */
export const APPEAL_WORKDAYS = 5;

/** The last day to appeal a result published on `published` (the day itself counts as day 0). */
export const appealDeadline = (cal: WorkdayCalendar, published: IsoDate): IsoDate => cal.addWorkdays(published, APPEAL_WORKDAYS);

/** Whether an appeal filed `today` is in time: up to the end of the deadline day. */
export const appealOpen = (deadline: IsoDate | null, today: IsoDate): boolean => deadline !== null && today <= deadline;

/** The day the facts are read up to: the period's last day, or today while the period runs. */
export const scoringDay = (periodEnd: IsoDate, today: IsoDate): IsoDate => (today < periodEnd ? today : periodEnd);
