import type { WorkdayCalendar } from './calendar/workdays.js';
import type { IsoDate } from './calendar/days.js';
import { nextBlockerLevel, type BlockerLevel, type BlockerStatus } from './schemas/blocker.js';

/** Workdays an open blocker may wait at one level before it goes up by itself (the HQ office may change it). */
export const DEFAULT_ESCALATION_WORKDAYS = 5;

export interface EscalationFacts {
  status: BlockerStatus;
  level: BlockerLevel;
  /** The day (Asia/Shanghai) it reached its level. */
  levelSince: IsoDate;
  /** 交办: the day the resolver unit was to have solved it by. */
  dueDate: IsoDate | null;
}

/**
 * Whether the midnight job takes a blocker one level up today: an open one after `workdays` full
 * workdays at its level (the day it arrived does not count), an assigned one once its resolver's due
 * day has passed. Nothing goes above the leading group, and nothing resolved moves.
 */
export function escalatesToday(b: EscalationFacts, today: IsoDate, cal: WorkdayCalendar, workdays = DEFAULT_ESCALATION_WORKDAYS): boolean {
  if (!nextBlockerLevel(b.level)) return false;
  if (b.status === 'open') return today > b.levelSince && cal.workdaysUntil(b.levelSince, today) >= workdays;
  if (b.status === 'assigned') return b.dueDate !== null && cal.workdaysUntil(today, b.dueDate) < 0;
  return false;
}

/** Workdays it has waited at its level (for the lists: "已在本级 3 个工作日"). */
export function workdaysAtLevel(levelSince: IsoDate, today: IsoDate, cal: WorkdayCalendar): number {
  return today > levelSince ? cal.workdaysUntil(levelSince, today) : 0;
}
