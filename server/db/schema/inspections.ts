import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { orgUnits, regions } from './org.js';
import { evidence } from './reports.js';

/**
 * 督查 campaigns: routine (常态化) or special (专项), with their period, scope and inspectors. The
 * scope is kept as id arrays: a campaign names tens of units at most, and a unit's reader asks only
 * "does it include mine" (`&&`).
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    areaIds: uuid('area_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The tasks, targets and projects it looks at, as `{ itemType, itemId }`. */
    items: jsonb('items').$type<{ itemType: string; itemId: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** The region it belongs to (the region seal, issue 25): its maker's at creation. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    inspectorIds: uuid('inspector_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('inspections_period').on(t.periodFrom), index('inspections_region').on(t.regionId)],
);

/**
 * 督查工作台账: one finding at one unit, its rectification requirement and deadline, where it came
 * from, and who took each step of its rectification and verification.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    keyLink: text('key_link').notNull(),
    finding: text('finding').notNull(),
    requirement: text('requirement').notNull(),
    /** 整改期限, a day in Asia/Shanghai. */
    deadline: text('deadline').notNull(),
    sourceKind: text('source_kind').notNull().default('entered'),
    sourceId: uuid('source_id'),
    status: text('status').notNull().default('open'),
    verdict: text('verdict'),
    verifyComment: text('verify_comment'),
    measures: text('measures'),
    reopenCount: integer('reopen_count').notNull().default(0),
    reopenReason: text('reopen_reason'),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    acknowledgedById: uuid('acknowledged_by_id'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** Who submitted the rectification: not the one to verify it. */
    rectifiedById: uuid('rectified_by_id'),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    verifiedById: uuid('verified_by_id'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    closedById: uuid('closed_by_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reopenedById: uuid('reopened_by_id'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('ledger_entries_unit').on(t.unitId, t.status),
    index('ledger_entries_inspection').on(t.inspectionId),
    index('ledger_entries_status_deadline').on(t.status, t.deadline),
  ],
);

/** The tasks, targets and projects an entry concerns (its task force's plans decide who else reads it). */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id, { onDelete: 'cascade' }),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.itemId] }), index('ledger_items_item').on(t.itemId)],
);

/** The rectification's evidence: files of the evidence store, under the names they are shown by. */
export const ledgerEvidence = pgTable(
  'ledger_evidence',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.sha256] }), index('ledger_evidence_sha').on(t.sha256)],
);
