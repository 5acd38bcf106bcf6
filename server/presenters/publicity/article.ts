import { PUBLIC_IMAGE_PATH, type ArticleKind, type ArticleStatus } from '../../../domain/articles.js';
import type { Article, PublicArticle } from '../../../domain/schemas/article.js';
import type { ArticleRow, ArticleView } from '../../models/publicity.js';
import { sanitizeHtml } from '../../publicity/sanitizeHtml.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every field of an article for its readers, the body sanitised again as it leaves (a row written before a rule changed is no exception). */
export function presentArticle(v: ArticleView): Article {
  const a = v.article;
  return {
    id: a.id,
    kind: a.kind as ArticleKind,
    title: a.title,
    excerpt: a.summary,
    content: sanitizeHtml(a.html),
    status: a.status as ArticleStatus,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    issueNumber: a.issueNumber,
    authorId: a.authorId,
    authorName: v.authorName,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: iso(a.submittedAt),
    reviewedById: a.reviewedById,
    reviewedAt: iso(a.reviewedAt),
    returnReason: a.returnReason,
    publishedAt: iso(a.publishedAt),
    withdrawnAt: iso(a.withdrawnAt),
    version: a.version,
  };
}

/** A published article for the public: no author, reviewer or workflow field; images by the portal's path. */
export function presentPublicArticle(a: ArticleRow): PublicArticle {
  return {
    id: a.id,
    kind: a.kind as ArticleKind,
    title: a.title,
    excerpt: a.summary,
    publishedAt: a.publishedAt!.toISOString(),
    content: sanitizeHtml(a.html, { imagePath: PUBLIC_IMAGE_PATH }),
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    issueNumber: a.issueNumber,
  };
}
