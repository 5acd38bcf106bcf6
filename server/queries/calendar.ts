import { asc, like } from 'drizzle-orm';
import { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import type { Executor } from '../db/client.js';
import { calendarOverrides } from '../db/schema/index.js';

export const listCalendarOverrides = (db: Executor, year?: number) =>
  db
    .select()
    .from(calendarOverrides)
    .where(year ? like(calendarOverrides.date, `${year}-%`) : undefined)
    .orderBy(asc(calendarOverrides.date));

/** The bundled calendar with this district's overrides applied. */
export async function loadCalendar(db: Executor): Promise<WorkdayCalendar> {
  const rows = await listCalendarOverrides(db);
  return new WorkdayCalendar(new Map(rows.map((r) => [r.date, r.workday])));
}

/**
 * The calendar for reads that run on every request (workbenches, workday counts): cached briefly per
 * database, so a change made in another server process shows within seconds; a change made here is
 * forgotten at once (forgetCalendar). Inside a transaction use loadCalendar.
 */
const cache = new WeakMap<object, { at: number; calendar: Promise<WorkdayCalendar> }>();
const CALENDAR_TTL_MS = 5000;
export function currentCalendar(db: Executor): Promise<WorkdayCalendar> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CALENDAR_TTL_MS) return hit.calendar;
  const calendar = loadCalendar(db);
  cache.set(db, { at: Date.now(), calendar });
  // A failed read must not be served from the cache.
  calendar.catch(() => cache.delete(db));
  return calendar;
}
export function forgetCalendar(db: Executor): void {
  cache.delete(db);
}
