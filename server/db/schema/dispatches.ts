import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { orgUnits, regions } from './org.js';

/**
 * 调度令: an order of the HQ office to one or many units (or a leader's 批示, tracked to reply the same way), answered by each before its deadline
 * (an Asia/Shanghai date, a workday). `columns` defines the small table a `figures` order asks
 * for ([{ key, label, unit? }]); the other kinds keep it empty.
 */
export const dispatches = pgTable(
  'dispatches',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    columns: jsonb('columns').notNull().default([]),
    deadline: text('deadline').notNull(),
    status: text('status').notNull().default('draft'),
    /** The region it belongs to (the region seal, issue 25): its maker's at creation. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    /** A leader's 批示 (kind `instruction`) is written on something: a report, a blocker or an item. */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
  },
  (t) => [index('dispatches_status').on(t.status), index('dispatches_region').on(t.regionId), index('dispatches_subject').on(t.subjectType, t.subjectId)],
);

/**
 * One unit an order went to, and its reply: the answer text, the figures (exact decimals as
 * strings, keyed by the order's columns), who replied when, and how often it was chased (催办).
 */
export const dispatchRecipients = pgTable(
  'dispatch_recipients',
  {
    dispatchId: uuid('dispatch_id')
      .notNull()
      .references(() => dispatches.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').notNull().default('pending'),
    replyText: text('reply_text'),
    figures: jsonb('figures'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedById: uuid('replied_by_id'),
    chasedCount: integer('chased_count').notNull().default(0),
    lastChasedAt: timestamp('last_chased_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dispatchId, t.unitId] }), index('dispatch_recipients_unit_status').on(t.unitId, t.status)],
);
