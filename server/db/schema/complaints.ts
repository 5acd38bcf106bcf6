import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { orgUnits } from './org.js';
import { evidence } from './reports.js';

/**
 * 营商环境投诉: public complaints, each the source of one oversight case (made in the same
 * transaction; the case names the complaint as its source — source kind `complaint`, source id —
 * and nothing here points at the case, as nothing outside the oversight tables may). The complainant reads its status and public reply by the tracking code; the
 * contact details and the submitter's address are the oversight role's alone.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    trackingCode: text('tracking_code').notNull(),
    enterprise: text('enterprise').notNull(),
    contactPerson: text('contact_person').notNull(),
    contact: text('contact').notNull(),
    environment: text('environment').notNull(),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    unitName: text('unit_name'),
    description: text('description').notNull(),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedById: uuid('replied_by_id'),
    /** The submitter's address, for throttling and audit; never shown publicly. */
    submitterIp: text('submitter_ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [uniqueIndex('complaints_tracking_code').on(t.trackingCode), index('complaints_created').on(t.createdAt)],
);

/**
 * The files a complaint came with (photos, PDF), in the evidence store (stored once by SHA-256, in
 * the complaint's own transaction), under the names they were sent with. Linked to the complaint,
 * not its case; readable only through the oversight routes, never `/api/evidence` (no upload row
 * names them).
 */
export const complaintFiles = pgTable(
  'complaint_files',
  {
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    name: text('name').notNull(),
    /** The order they were attached in (0, 1, 2). */
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.sha256] }), index('complaint_files_sha').on(t.sha256)],
);
