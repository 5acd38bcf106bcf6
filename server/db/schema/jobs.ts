import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The progress of a long job (server/progress/), on a server database only, so that a poll
 * answered by another app instance sees it. Not work and not audited: a row per running job,
 * overwritten at most every 300 ms, deleted once expired. Keyed by the user too: a job id another
 * user sends names another row, never theirs. UNLOGGED (migration 0037): nothing here is worth a
 * WAL record, and a crash loses only bars that were moving.
 */
export const jobProgress = pgTable(
  'job_progress',
  {
    userId: uuid('user_id').notNull(),
    jobId: uuid('job_id').notNull(),
    phase: text('phase').notNull(),
    done: integer('done').notNull(),
    total: integer('total'),
    finished: boolean('finished').notNull().default(false),
    error: jsonb('error').$type<{ code: string; params: Record<string, string | number> }>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.jobId] }), index('job_progress_expires').on(t.expiresAt)],
);
