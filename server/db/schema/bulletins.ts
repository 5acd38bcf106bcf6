import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BulletinSection } from '../../../domain/bulletin.js';
import { now as clockNow } from '../../clock.js';
import { inspections, ledgerEntries } from './inspections.js';
import { orgUnits, regions } from './org.js';
import { bytea } from './reports.js';


/**
 * 督查通报: generated from the ledger and the lights of a period, edited as a draft, issued once.
 * The issued .docx is kept apart (`bulletin_files`), so reading a bulletin never reads its bytes.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull(),
    issuer: text('issuer').notNull(),
    /** 成文日期, a day in Asia/Shanghai. */
    issueDate: text('issue_date').notNull(),
    sections: jsonb('sections').$type<BulletinSection[]>().notNull(),
    cc: text('cc').notNull().default(''),
    printer: text('printer').notNull().default(''),
    status: text('status').notNull().default('draft'),
    /** The region it belongs to (the region seal, issue 25): its maker's at creation. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    sha256: text('sha256'),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    issuedById: uuid('issued_by_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  // A 文号 names one document of its region's series (each district's 督查室 numbers its own, migration 0050):
  // two drafts of a region cannot carry the same one (the next number is taken under a lock).
  (t) => [index('bulletins_status').on(t.status, t.createdAt), index('bulletins_region').on(t.regionId), uniqueIndex('bulletins_region_doc_number').on(t.regionId, t.docNumber)],
);

/** The frozen bytes of an issued bulletin: generated once, at issue; their SHA-256 is in the audit record. */
export const bulletinFiles = pgTable('bulletin_files', {
  bulletinId: uuid('bulletin_id')
    .primaryKey()
    .references(() => bulletins.id, { onDelete: 'cascade' }),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
});

/** 催办单/督办单 to a unit about a late ledger entry or an overdue item; the unit acknowledges receipt once. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    colour: text('colour').notNull(),
    docNumber: text('doc_number').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The region whose series numbers it and whose name signs it: its unit's, when it was issued (migration 0051). */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The subject's title (a finding, an item's title) as it was when the notice was issued. */
    subjectTitle: text('subject_title').notNull(),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    workdaysLate: integer('workdays_late').notNull(),
    deadline: text('deadline'),
    content: text('content').notNull(),
    note: text('note').notNull().default(''),
    replyBy: text('reply_by').notNull(),
    status: text('status').notNull().default('sent'),
    issuedById: uuid('issued_by_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    acknowledgedById: uuid('acknowledged_by_id'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('notices_unit').on(t.unitId, t.issuedAt), index('notices_subject').on(t.subjectId), uniqueIndex('notices_region_doc_number').on(t.regionId, t.docNumber)],
);
