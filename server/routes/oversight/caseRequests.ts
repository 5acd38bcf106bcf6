import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse } from '../../../domain/schemas/common.js';
import { CaseResponseRequest, ResponseRequestCreate } from '../../../domain/schemas/promise.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { askResponse } from '../../commands/promises/askResponse.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { caseRequestPolicy } from '../../policies/responseRequest.js';
import { presentPromise, presentRequest } from '../../presenters/promises/promise.js';
import { findVisibleCase } from '../../queries/oversight/cases.js';
import { promisesOfRequests } from '../../queries/promises/promises.js';
import { requestsOfCase } from '../../queries/promises/requests.js';
import { HIDDEN } from './hidden.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const doc = { tags: ['oversight'], hide: true };
const CaseRequests = itemResponse(z.array(CaseResponseRequest));

/** `{ data, policies }`: the written responses a case asked for, each with the promises its answer made. */
async function caseRequestsView(req: FastifyRequest, caseId: string) {
  const db = req.ctx.database.db;
  if (!(await findVisibleCase(db, req.ctx.actor, caseId))) throw notFound('oversight_case');
  const day = shanghaiDate(clockNow());
  const requests = await requestsOfCase(db, req.ctx.actor, caseId);
  const made = await promisesOfRequests(
    db,
    requests.map((r) => r.row.id),
  );
  return {
    data: requests.map((r) => ({ ...presentRequest(r, day), promises: made.filter((p) => p.row.requestId === r.row.id).map((p) => presentPromise(p, day)) })),
    policies: caseRequestPolicy.routePolicies(req.ctx.actor),
  };
}

/** 书面说明 from a case: the oversight role asks a unit and reads the answer here; hidden from everyone else. */
export default function caseRequestRoutes(app: App) {
  app.get('/api/oversight/cases/:id/requests', { ...HIDDEN, schema: { ...doc, params: IdParams, response: { 200: CaseRequests, ...errors } } }, async (req) => {
    authorize(caseRequestPolicy.route.read(req.ctx.actor));
    return caseRequestsView(req, req.params.id);
  });

  app.post('/api/oversight/cases/:id/requests', { ...HIDDEN, schema: { ...doc, params: IdParams, body: ResponseRequestCreate, response: { 200: CaseRequests, ...errors } } }, async (req) => {
    authorize(caseRequestPolicy.route.ask(req.ctx.actor));
    await askResponse(req.ctx, req.params.id, req.body);
    return caseRequestsView(req, req.params.id);
  });
}
