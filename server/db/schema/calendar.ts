import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Local calendar decisions (a district's own rest day or make-up workday); they win over the bundled holidays. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: text('date').primaryKey(),
  workday: boolean('workday').notNull(),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(0),
});
