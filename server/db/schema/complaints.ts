import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { orgUnits } from './org.js';

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
