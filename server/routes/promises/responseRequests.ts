import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { ResponseDraft, ResponseRequest, ResponseRequestListQuery, ResponseSend } from '../../../domain/schemas/promise.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { draftResponse, sendResponse } from '../../commands/promises/draftResponse.js';
import { requestSubject } from '../../commands/promises/requestStep.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { responseRequestPolicy } from '../../policies/responseRequest.js';
import { presentRequest } from '../../presenters/promises/promise.js';
import { findVisibleRequest, listRequests } from '../../queries/promises/requests.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['response-requests'];
const today = () => shanghaiDate(clockNow());

async function requestView(req: FastifyRequest, id: string) {
  const view = await findVisibleRequest(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('response_request');
  return { data: presentRequest(view, today()), policies: responseRequestPolicy.rowPolicies(req.ctx.actor, requestSubject(view.row)) };
}

/**
 * 书面说明 as the unit meets them: ordinary routes, authorised by unit (its liaison drafts, its head
 * sends). Nothing here reads or names a case; another unit's request is 404.
 */
export default function responseRequestRoutes(app: App) {
  app.get('/api/response-requests', { schema: { tags, querystring: ResponseRequestListQuery, response: { 200: listResponse(ResponseRequest), ...errors } } }, async (req) => {
    authorize(responseRequestPolicy.route.read(req.ctx.actor));
    const { page, perPage, status } = req.query;
    const day = today();
    const { rows, total } = await listRequests(req.ctx.database.db, req.ctx.actor, status, page, perPage);
    return { data: rows.map((r) => presentRequest(r, day)), page: { page, perPage, total }, policies: responseRequestPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/response-requests/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(ResponseRequest), ...errors } } }, async (req) => {
    authorize(responseRequestPolicy.route.read(req.ctx.actor));
    return requestView(req, req.params.id);
  });

  app.post('/api/response-requests/:id/draft', { schema: { tags, params: IdParams, body: ResponseDraft, response: { 200: itemResponse(ResponseRequest), ...errors } } }, async (req) => {
    authorize(responseRequestPolicy.route.draft(req.ctx.actor));
    await draftResponse(req.ctx, req.params.id, req.body);
    return requestView(req, req.params.id);
  });

  app.post('/api/response-requests/:id/send', { schema: { tags, params: IdParams, body: ResponseSend, response: { 200: itemResponse(ResponseRequest), ...errors } } }, async (req) => {
    authorize(responseRequestPolicy.route.send(req.ctx.actor));
    await sendResponse(req.ctx, req.params.id, req.body);
    return requestView(req, req.params.id);
  });
}
