import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { orgUnits } from './org.js';

/**
 * 问题线索: confidential oversight cases, read and written by the oversight role alone. The source
 * (an item, a blocker, a ledger entry, a public complaint) is kept as its kind and id, with no
 * foreign key: a complaint lives elsewhere, and nothing outside may point back at a case.
 */
export const oversightCases = pgTable(
  'oversight_cases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    category: text('category').notNull(),
    keyLink: text('key_link'),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    sourceKind: text('source_kind').notNull().default('entered'),
    sourceId: uuid('source_id'),
    status: text('status').notNull().default('received'),
    disposal: text('disposal'),
    disposalText: text('disposal_text'),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    verifiedById: uuid('verified_by_id'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    handledById: uuid('handled_by_id'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    closedById: uuid('closed_by_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('oversight_cases_status').on(t.status, t.createdAt), index('oversight_cases_source').on(t.sourceKind, t.sourceId)],
);

/** Confidential notes on a case: appended with their author and time, never changed or removed. */
export const oversightCaseNotes = pgTable(
  'oversight_case_notes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => oversightCases.id),
    content: text('content').notNull(),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [index('oversight_case_notes_case').on(t.caseId, t.createdAt)],
);
