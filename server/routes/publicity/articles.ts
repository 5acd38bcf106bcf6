import type { FastifyRequest } from 'fastify';
import { ARTICLE_ACTIONS, type ArticleAction } from '../../../domain/workflows/article.js';
import { Article, ArticleCreate, ArticleImage, ArticleListQuery, ArticleReturn, ArticleStep, ArticleUpdate, ImageParams } from '../../../domain/schemas/article.js';
import { EVIDENCE_MAX_BYTES } from '../../../domain/schemas/evidence.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import type { App } from '../../app.js';
import { articleSubject, stepArticle } from '../../commands/publicity/articleStep.js';
import { createArticle } from '../../commands/publicity/createArticle.js';
import { updateArticle } from '../../commands/publicity/updateArticle.js';
import { uploadArticleImage } from '../../commands/publicity/uploadArticleImage.js';
import { sendUploadedFile } from '../../downloads.js';
import { AppError, notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { articlePolicy } from '../../policies/article.js';
import { presentArticle } from '../../presenters/publicity/article.js';
import { articleImageFor, findVisibleArticle, listArticles } from '../../queries/publicity/articles.js';
import { readUpload } from '../../uploads.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };
const tags = ['articles'];

/** `{ data, policies }` for one article as the requester sees it. */
export async function articleView(req: FastifyRequest, id: string) {
  const view = await findVisibleArticle(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('article');
  return { data: presentArticle(view), policies: articlePolicy.rowPolicies(req.ctx.actor, articleSubject(view.article)) };
}

/** 宣传 articles: the publicist's drafts, the reviewers' queue, publishing and withdrawing; images for the body. */
export default function articleRoutes(app: App) {
  app.get('/api/articles', { schema: { tags, querystring: ArticleListQuery, response: { 200: listResponse(Article), ...errors } } }, async (req) => {
    authorize(articlePolicy.route.read(req.ctx.actor));
    const { page, perPage, ...filter } = req.query;
    const { rows, total } = await listArticles(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentArticle), page: { page, perPage, total }, policies: articlePolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/articles/images', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ArticleImage, ...errors } } }, async (req) => {
    authorize(articlePolicy.route.upload(req.ctx.actor));
    const tooLarge = () => new AppError(413, 'article_image_too_large', { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }, { file: 'article_image_too_large' });
    const { name, bytes } = await readUpload(req, { maxBytes: EVIDENCE_MAX_BYTES, tooLarge, notMultipart: () => new AppError(415, 'article_image_type') });
    return { data: await uploadArticleImage(req.ctx, name, bytes) };
  });

  app.get('/api/articles/images/:sha256', { schema: { tags, params: ImageParams } }, async (req, reply) => {
    authorize(articlePolicy.route.read(req.ctx.actor));
    const file = await articleImageFor(req.ctx.database.db, req.ctx.actor!, req.params.sha256);
    if (!file) throw notFound('article_image');
    reply.header('cache-control', 'private, max-age=3600');
    return sendUploadedFile(reply, file);
  });

  app.get('/api/articles/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Article), ...errors } } }, async (req) => {
    authorize(articlePolicy.route.read(req.ctx.actor));
    return articleView(req, req.params.id);
  });

  app.post('/api/articles', { schema: { tags, body: ArticleCreate, response: { 200: itemResponse(Article), ...errors } } }, async (req) => {
    authorize(articlePolicy.route.create(req.ctx.actor));
    const row = await createArticle(req.ctx, req.body);
    return articleView(req, row.id);
  });

  app.patch('/api/articles/:id', { schema: { tags, params: IdParams, body: ArticleUpdate, response: { 200: itemResponse(Article), ...errors } } }, async (req) => {
    authorize(articlePolicy.route.update(req.ctx.actor));
    await updateArticle(req.ctx, req.params.id, req.body);
    return articleView(req, req.params.id);
  });

  for (const action of ARTICLE_ACTIONS) {
    const body = action === 'return' ? ArticleReturn : ArticleStep.nullish();
    app.post(`/api/articles/:id/${action}`, { schema: { tags, params: IdParams, body, response: { 200: itemResponse(Article), ...errors } } }, async (req) => {
      authorize(articlePolicy.route[action as ArticleAction](req.ctx.actor));
      await stepArticle(req.ctx, req.params.id, action, (req.body ?? {}) as { version?: number; reason?: string });
      return articleView(req, req.params.id);
    });
  }
}
