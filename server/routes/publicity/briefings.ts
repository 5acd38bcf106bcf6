import { Article, BriefingCreate } from '../../../domain/schemas/article.js';
import { ErrorBody, IdParams, itemResponse } from '../../../domain/schemas/common.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { generateBriefing } from '../../commands/publicity/generateBriefing.js';
import { briefingDocx, issuerOf } from '../../docx/briefingDocx.js';
import { sendDocx } from '../../downloads.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { articlePolicy } from '../../policies/article.js';
import { districtName } from '../../queries/org.js';
import { findVisibleArticle, publishedDocx } from '../../queries/publicity/articles.js';
import { articleView } from './articles.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['articles'];

/** 简报: generated from a period's facts as an article draft; any article's text as a .docx in the official layout. */
export default function briefingRoutes(app: App) {
  app.post('/api/briefings', { schema: { tags, body: BriefingCreate, response: { 200: itemResponse(Article), ...errors } } }, async (req) => {
    authorize(articlePolicy.route.create(req.ctx.actor));
    const row = await generateBriefing(req.ctx, req.body);
    return articleView(req, row.id);
  });

  // A published article's is the document frozen when it was published; any other's is generated
  // from the article as it stands (a draft's says so under its title). An article published before
  // documents were frozen has none stored: its is generated too.
  app.get('/api/briefings/:id.docx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(articlePolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const view = await findVisibleArticle(db, req.ctx.actor, req.params.id);
    if (!view) throw notFound('article');
    const a = view.article;
    const frozen = a.status === 'published' ? await publishedDocx(db, a.id) : null;
    const file = frozen ?? (await briefingDocx(a, issuerOf(await districtName(db, a.regionId)), clockNow()));
    return sendDocx(reply, file, 'briefing.docx', `${a.issueNumber ? `${a.issueNumber} ` : ''}${a.title}${a.status === 'published' ? '' : '（草稿）'}.docx`);
  });
}
