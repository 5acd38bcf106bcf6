import type { FastifyRequest } from 'fastify';
import { Bulletin, BulletinCreate, BulletinIssue, BulletinListQuery, BulletinUpdate } from '../../../domain/schemas/bulletin.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import type { App } from '../../app.js';
import { createBulletin } from '../../commands/inspections/createBulletin.js';
import { bulletinDocOf, bulletinSubject, issueBulletin } from '../../commands/inspections/issueBulletin.js';
import { updateBulletin } from '../../commands/inspections/updateBulletin.js';
import { bulletinDocx } from '../../docx/bulletinDocx.js';
import { sendDocx } from '../../downloads.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { bulletinPolicy } from '../../policies/bulletin.js';
import { presentBulletin } from '../../presenters/inspections/bulletin.js';
import { bulletinFile, findVisibleBulletin, listBulletins } from '../../queries/inspections/bulletins.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['bulletins'];

async function visible(req: FastifyRequest, id: string) {
  const view = await findVisibleBulletin(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('bulletin');
  return view;
}

/** `{ data, policies }` for one bulletin as the requester sees it. */
async function bulletinView(req: FastifyRequest, id: string) {
  const view = await visible(req, id);
  return { data: presentBulletin(view), policies: bulletinPolicy.rowPolicies(req.ctx.actor, bulletinSubject(view.bulletin)) };
}

/** 督查通报: drafts written from the ledger and the lights, edited, issued once and frozen as .docx. */
export default function bulletinRoutes(app: App) {
  app.get('/api/bulletins', { schema: { tags, querystring: BulletinListQuery, response: { 200: listResponse(Bulletin), ...errors } } }, async (req) => {
    authorize(bulletinPolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listBulletins(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentBulletin), page: { page, perPage, total }, policies: bulletinPolicy.routePolicies(req.ctx.actor) };
  });

  // The issued bulletin's frozen bytes; a draft's preview, generated now.
  app.get('/api/bulletins/:id.docx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(bulletinPolicy.route.read(req.ctx.actor));
    const { bulletin: b } = await visible(req, req.params.id);
    const file = b.status === 'issued' ? (await bulletinFile(req.ctx.database.db, b.id))?.content : await bulletinDocx(bulletinDocOf(b));
    if (!file) throw notFound('bulletin');
    return sendDocx(reply, file, 'bulletin.docx', `${b.docNumber} ${b.title}${b.status === 'draft' ? '（草稿）' : ''}.docx`);
  });

  app.get('/api/bulletins/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Bulletin), ...errors } } }, async (req) => {
    authorize(bulletinPolicy.route.read(req.ctx.actor));
    return bulletinView(req, req.params.id);
  });

  app.post('/api/bulletins', { schema: { tags, body: BulletinCreate, response: { 200: itemResponse(Bulletin), ...errors } } }, async (req) => {
    authorize(bulletinPolicy.route.create(req.ctx.actor));
    const row = await createBulletin(req.ctx, req.body);
    return bulletinView(req, row.id);
  });

  app.patch('/api/bulletins/:id', { schema: { tags, params: IdParams, body: BulletinUpdate, response: { 200: itemResponse(Bulletin), ...errors } } }, async (req) => {
    authorize(bulletinPolicy.route.update(req.ctx.actor));
    await updateBulletin(req.ctx, req.params.id, req.body);
    return bulletinView(req, req.params.id);
  });

  app.post('/api/bulletins/:id/issue', { schema: { tags, params: IdParams, body: BulletinIssue.nullish(), response: { 200: itemResponse(Bulletin), ...errors } } }, async (req) => {
    authorize(bulletinPolicy.route.issue(req.ctx.actor));
    await issueBulletin(req.ctx, req.params.id, req.body ?? {});
    return bulletinView(req, req.params.id);
  });
}
