import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { regions } from './org.js';

/**
 * A higher-level directive (上级指示: 省、市会议精神, 上级文件) the HQ office registers: where it came
 * from, its document number, when it arrived, its text. The office breaks it into points, each a
 * dispatch of kind `directive` whose subject is the directive, tracked to reply from its units.
 */
export const directives = pgTable(
  'directives',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    source: text('source').notNull(),
    docNo: text('doc_no').notNull().default(''),
    title: text('title').notNull(),
    receivedOn: text('received_on').notNull(),
    body: text('body').notNull().default(''),
    /** The region it belongs to (the region seal, issue 25): its maker's at creation. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('directives_received_on').on(t.receivedOn), index('directives_region').on(t.regionId)],
);
