import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { now as clockNow } from '../../clock.js';

/** A bytea column (file contents). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** 进展报送 for a task, target or project, per unit and period; one row per (item, unit, period). */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    period: text('period').notNull(),
    dueDate: text('due_date'),
    status: text('status').notNull().default('draft'),
    text: text('text').notNull().default(''),
    percent: numeric('percent', { precision: 5, scale: 2 }),
    actual: numeric('actual', { precision: 20, scale: 4 }),
    investment: numeric('investment', { precision: 18, scale: 2 }),
    stage: text('stage'),
    late: boolean('late').notNull().default(false),
    returnReason: text('return_reason'),
    createdById: uuid('created_by_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [
    uniqueIndex('reports_item_unit_period').on(t.itemType, t.itemId, t.unitId, t.period),
    index('reports_unit_status').on(t.unitId, t.status),
    index('reports_status').on(t.status),
    index('reports_item').on(t.itemId),
    // The dashboard counts a period's submissions and acceptances among every report of the program.
    index('reports_submitted_at').on(t.submittedAt),
    index('reports_accepted_at').on(t.acceptedAt),
    // The list and its export go newest first by (created, id): the export pages by that key, and
    // without the index each of a 250,000-report export's 50 pages sorted every report again.
    index('reports_created').on(t.createdAt, t.id),
  ],
);

/** Every workflow step, timed (who, when, from → to, reason). */
export const reportSteps = pgTable(
  'report_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_steps_report').on(t.reportId)],
);

/** Evidence files, stored once by SHA-256 and reused by any report (report once, use everywhere). */
export const evidence = pgTable('evidence', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  content: bytea('content').notNull(),
  createdById: uuid('created_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
});

/**
 * Who uploaded which file under which name: the same bytes uploaded by two people are stored once,
 * yet each of them is an uploader who may see the file and attach it by its SHA-256.
 */
export const evidenceUploads = pgTable(
  'evidence_uploads',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.userId] })],
);

export const reportEvidence = pgTable(
  'report_evidence',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.sha256] }), index('report_evidence_sha').on(t.sha256)],
);

/** 堵点/淤点/难点 raised in a report or directly; escalates unit → task force → HQ → leading group. */
export const blockers = pgTable(
  'blockers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    reportId: uuid('report_id'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    level: text('level').notNull().default('unit'),
    status: text('status').notNull().default('open'),
    raisedById: uuid('raised_by_id'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    /** Who took the last decision (resolved it, or sent it back down with an instruction). */
    decidedById: uuid('decided_by_id'),
    /** 批示: the instruction it was sent back down with, and when. */
    instruction: text('instruction'),
    instructedAt: timestamp('instructed_at', { withTimezone: true }),
    /** What kind of obstacle (资金, 用地, 审批, 体制机制障碍, …) and the help the unit asks for. */
    category: text('category').notNull().default('other'),
    helpAsked: text('help_asked').notNull().default(''),
    /** When it reached its level: automatic escalation counts workdays from here. */
    levelSince: timestamp('level_since', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    /** 交办: the unit the holder gave it to, by when (a day in Asia/Shanghai), and the holder's words. */
    resolverUnitId: uuid('resolver_unit_id').references(() => orgUnits.id),
    dueDate: text('due_date'),
    assignNote: text('assign_note'),
    /** Who recorded the resolution (the resolver, or the holder's decision): not the one to verify it. */
    resolvedById: uuid('resolved_by_id'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedById: uuid('verified_by_id'),
    reopenCount: integer('reopen_count').notNull().default(0),
    reopenReason: text('reopen_reason'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('blockers_item').on(t.itemId),
    index('blockers_report').on(t.reportId),
    index('blockers_status_level').on(t.status, t.level),
    index('blockers_unit_status').on(t.unitId, t.status),
    index('blockers_resolver_status').on(t.resolverUnitId, t.status),
  ],
);

/** Every item a blocker holds back: its own item and the others the unit named (lights say so). */
export const blockerItems = pgTable(
  'blocker_items',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => blockers.id, { onDelete: 'cascade' }),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.itemId] }), index('blocker_items_item').on(t.itemId)],
);
