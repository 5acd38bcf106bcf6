import { z } from 'zod';
import { ARTICLE_HTML_MAX, ARTICLE_KINDS, ARTICLE_STATUSES } from '../articles.js';
import { LIMITS } from '../limits.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';

const Title = z.string().trim().min(1).max(200);
const Summary = z.string().trim().max(500);
/** The article's HTML as the editor sends it: the server sanitises it before it is kept. */
const Content = z.string().max(ARTICLE_HTML_MAX);

/** A new article (a draft): its kind, title, summary and body. */
export const ArticleCreate = z.strictObject({ kind: z.enum(ARTICLE_KINDS), title: Title, excerpt: Summary.default(''), content: Content.default('') });
export type ArticleCreate = z.infer<typeof ArticleCreate>;

/** An edit of a draft: what is given replaces what was; `version` as read. */
export const ArticleUpdate = z.strictObject({ kind: z.enum(ARTICLE_KINDS).optional(), title: Title.optional(), excerpt: Summary.optional(), content: Content.optional(), version: Version });
export type ArticleUpdate = z.infer<typeof ArticleUpdate>;

export const ArticleStep = z.strictObject({ version: Version.optional() });
/** 退回: the reviewer says why. */
export const ArticleReturn = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.reason), version: Version.optional() });

export const ArticleListQuery = PageQuery.extend({ status: z.enum(ARTICLE_STATUSES).optional(), kind: z.enum(ARTICLE_KINDS).optional() });

/** 生成简报: the period whose facts it tells. */
export const BriefingCreate = z
  .strictObject({ periodStart: IsoDateString, periodEnd: IsoDateString })
  .refine((p) => p.periodStart <= p.periodEnd, { path: ['periodEnd'], message: 'range' });
export type BriefingCreate = z.infer<typeof BriefingCreate>;

export const Article = z.object({
  id: Id,
  kind: z.enum(ARTICLE_KINDS),
  title: z.string(),
  excerpt: z.string(),
  /** The body's HTML, sanitised again as it is sent. */
  content: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  issueNumber: z.string().nullable(),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedById: Id.nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  version: z.number(),
});
export type Article = z.infer<typeof Article>;

/** An image uploaded for an article: where the editor puts it. */
export const ArticleImage = z.object({ data: z.object({ sha256: z.string(), src: z.string(), size: z.number(), mime: z.string() }) });
export const ImageParams = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

// ---- The public portal (no login): published articles and aggregates only, no person. ----

export const PublicArticleSummary = z.object({ id: Id, kind: z.enum(ARTICLE_KINDS), title: z.string(), excerpt: z.string(), publishedAt: z.string() });
export const PublicArticle = PublicArticleSummary.extend({ content: z.string(), periodStart: z.string().nullable(), periodEnd: z.string().nullable(), issueNumber: z.string().nullable() });
export type PublicArticle = z.infer<typeof PublicArticle>;

/** One area's progress: its items counted by light, and the share done or on track. */
export const PublicAreaProgress = z.object({ name: z.string(), total: z.number(), done: z.number(), green: z.number(), yellow: z.number(), red: z.number(), notStarted: z.number() });

export const PublicRanking = z.object({
  scheme: z.string(),
  category: z.string(),
  period: z.string(),
  rows: z.array(z.object({ rank: z.number(), unit: z.string(), score: z.string(), grade: z.string(), mark: z.enum(['red', 'black']).nullable() })),
});

export const PublicPortal = z.object({
  data: z.object({
    district: z.string(),
    articles: z.array(PublicArticleSummary),
    areas: z.array(PublicAreaProgress),
    rankings: z.array(PublicRanking),
    complaintPath: z.string(),
  }),
});
export type PublicPortal = z.infer<typeof PublicPortal>;
