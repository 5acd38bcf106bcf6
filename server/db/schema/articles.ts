import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now as clockNow } from '../../clock.js';
import { regions } from './org.js';
import { bytea, evidence } from './reports.js';

/**
 * 宣传 articles (工作动态, 简报, 典型经验, 政策解读): HTML kept as sanitised on save; draft → review →
 * published (→ withdrawn → draft). A 简报 generated from a period's facts keeps its period and issue number.
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    html: text('html').notNull().default(''),
    status: text('status').notNull().default('draft'),
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    /** 2026年第3期, a generated 简报's number in its year. */
    issueNumber: text('issue_number'),
    /** The region it belongs to (the region seal, issue 25): its maker's at creation. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedById: uuid('reviewed_by_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('articles_status').on(t.status, t.publishedAt), index('articles_region').on(t.regionId)],
);

/** The images an article shows (from the evidence store): the portal serves an image only while an article showing it is published. */
export const articleImages = pgTable(
  'article_images',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.sha256] }), index('article_images_sha').on(t.sha256)],
);

/**
 * The .docx of a published article, generated once, at publishing, and served from here after: a
 * published 简报 is a document issued, and must not change when the facts or the district's name do.
 * Publishing again (after a withdrawal and a revision) issues a new one in its place.
 */
export const articleFiles = pgTable('article_files', {
  articleId: uuid('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
});
