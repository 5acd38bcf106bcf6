import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * The answers of writes sent with an `Idempotency-Key` (server/idempotency/): per user and key, what
 * the first request was (its hash) and what it was answered, so that a retry after a lost answer gets
 * that answer instead of writing twice. The row is claimed at the start of the write's transaction
 * (which makes a concurrent request with the same key wait on it) and holds the answer when it commits;
 * no other transaction ever sees it half-written. Older than 24 hours it no longer counts, and the
 * midnight job deletes it.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of the request: method, route, parameters and canonical body (a form's fields and files). */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    contentType: text('content_type'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_at').on(t.createdAt)],
);
