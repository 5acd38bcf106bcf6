import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AnyImportRow } from '../../../domain/imports/itemRows.js';
import { now as clockNow } from '../../clock.js';
import { plans } from './program.js';
import { users } from './users.js';

/**
 * 导入预览: what a 任务分解表 or a pasted plan was read as, kept so the office can fix rows and then
 * commit exactly what it saw. It writes no task; it belongs to its creator and expires. Once
 * committed it stays as the record of the import (`committedAt`), and a second commit is refused.
 */
export const importPreviews = pgTable(
  'import_previews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** `tasks_xlsx` (an uploaded sheet), `plan_text` (pasted text), `targets_xlsx` or `projects_xlsx` (a 指标表, a 重点项目表). */
    kind: text('kind').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    fileName: text('file_name'),
    /** SHA-256 of the file's bytes (of the text's UTF-8 for pasted text): the audit record names it. */
    sha256: text('sha256').notNull(),
    /** Text before the first clause of a pasted plan: shown, never dropped. */
    preamble: jsonb('preamble').$type<string[]>().notNull().default([]),
    /** Task rows, or target or project rows (each with its `kind`), as the preview's `kind` says. */
    rows: jsonb('rows').$type<AnyImportRow[]>().notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('import_previews_creator').on(t.createdById, t.createdAt)],
);
