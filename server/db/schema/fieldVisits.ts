import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { evidence } from './reports.js';
import { bodies } from './org.js';

/** A task force's visit to the field (调查研究、现场指导): where, who went, what it saw. */
export const fieldVisits = pgTable(
  'field_visits',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    visitedOn: text('visited_on').notNull(),
    place: text('place').notNull(),
    participants: text('participants').notNull().default(''),
    summary: text('summary').notNull().default(''),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('field_visits_body').on(t.bodyId, t.visitedOn)],
);

/**
 * One thing the visit found, and what it became: a blocker (堵点) held at the task force, or a
 * follow-up item tracked to reply (a dispatch of kind `follow_up`); null while it is only noted.
 */
export const fieldVisitFindings = pgTable(
  'field_visit_findings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => fieldVisits.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    outcome: text('outcome'),
    blockerId: uuid('blocker_id'),
    dispatchId: uuid('dispatch_id'),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('field_visit_findings_visit').on(t.visitId, t.position)],
);

/** The visit's photos: evidence files (stored once by SHA-256), under the names they were taken with. */
export const fieldVisitPhotos = pgTable(
  'field_visit_photos',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => fieldVisits.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.sha256] }), index('field_visit_photos_sha').on(t.sha256)],
);
