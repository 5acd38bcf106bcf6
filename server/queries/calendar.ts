import { asc, like } from 'drizzle-orm';
import { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import type { Executor } from '../db/client.js';
import { calendarOverrides } from '../db/schema/index.js';
import { perDatabaseCache } from './perDatabaseCache.js';

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

/** The calendar for reads that run on every request (workbenches, workday counts); inside a transaction use loadCalendar. */
const calendarCache = perDatabaseCache(5000, loadCalendar);
export const currentCalendar = (db: Executor) => calendarCache.get(db);
export const forgetCalendar = (db: Executor) => calendarCache.forget(db);
