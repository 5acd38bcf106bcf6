import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../domain/schemas/common.js';
import { ImageParams, PublicArticle, PublicPortal } from '../../../domain/schemas/article.js';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import type { PublicThrottle } from '../../security/publicThrottle.js';
import { sendUploadedFile } from '../../downloads.js';
import { notFound } from '../../errors.js';
import { presentPublicArticle } from '../../presenters/publicity/article.js';
import { presentPortal } from '../../presenters/publicity/portal.js';
import { publicImage } from '../../queries/publicity/articles.js';
import { portalFacts, publishedArticle } from '../../queries/publicity/portal.js';
import { publishedRankings } from '../../queries/publicity/publishedRankings.js';
import { versionedCache } from '../../queries/versionedCache.js';
import type { ArticleRow } from '../../models/publicity.js';
import { keptReplies } from '../keptReply.js';

const errors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const doc = { tags: ['public'] };
const PublicArticleReply = z.object({ data: PublicArticle });
/**
 * How long a kept public reply is sent without asking the database whether anything was written: a
 * write through this instance (a publication) shows at once, one through another instance within
 * this. Asking at every read cost a statement per read (or per batch of reads) and most of a kept
 * read's time.
 */
export const PUBLIC_FRESH_MS = 1000;
/**
 * The portal and its articles are kept as bytes, and gzipped, until the next write anywhere
 * (publishing is one): a kept read costs the address's count, a map lookup and the write to the socket.
 */
const sendKept = keptReplies(256, { freshMs: PUBLIC_FRESH_MS, gzip: true });
/** Whether an id is a published article, kept the same way (an unknown id costs no statement either). */
const published = versionedCache<ArticleRow | null>(512, { freshMs: PUBLIC_FRESH_MS });

/**
 * The public portal's reads (no login, no session used): published articles, the district's progress
 * by area as counts, the published rankings, the complaint form's address. Nothing unpublished,
 * confidential or personal: a draft, an article in review or a withdrawn one is 404 like an unknown id.
 */
export default function publicPortalRoutes(app: App, throttle: PublicThrottle) {
  // Counted before anything is read or sent: a flood from one address is 429, kept reply or not.
  const counted = { config: { auth: 'public' as const }, onRequest: async (req: FastifyRequest) => throttle.read(req.ctx) };
  app.get('/api/public/portal', { ...counted, schema: { ...doc, response: { 200: PublicPortal, ...errors } } }, async (req, reply) => {
    const db = req.ctx.database.db;
    return sendKept(req, reply, 'portal', PublicPortal, async () => presentPortal(await portalFacts(db), await publishedRankings(db)));
  });

  app.get('/api/public/articles/:id', { ...counted, schema: { ...doc, params: IdParams, response: { 200: PublicArticleReply, ...errors } } }, async (req, reply) => {
    const db = req.ctx.database.db;
    const row = await published(req.ctx.database, req.params.id, async () => (await publishedArticle(db, req.params.id)) ?? null);
    if (!row) throw notFound('article');
    return sendKept(req, reply, `article:${row.id}`, PublicArticleReply, async () => ({ data: presentPublicArticle(row) }));
  });

  app.get('/api/public/images/:sha256', { ...counted, schema: { ...doc, params: ImageParams } }, async (req, reply) => {
    const file = await publicImage(req.ctx.database.db, req.params.sha256);
    if (!file) throw notFound('article_image');
    reply.header('cache-control', 'public, max-age=300');
    return sendUploadedFile(reply, file);
  });
}
