import type { FastifyRequest } from 'fastify';
import type { CaseStatus } from '../../../domain/oversight.js';
import { CaseComplaint, PublicReply } from '../../../domain/schemas/complaint.js';
import { ErrorBody, IdParams, itemResponse } from '../../../domain/schemas/common.js';
import type { App } from '../../app.js';
import { replyComplaint } from '../../commands/complaints/replyComplaint.js';
import { AppError, notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { complaintPolicy } from '../../policies/complaint.js';
import { presentCaseComplaint } from '../../presenters/complaints/complaint.js';
import { complaintOfCase } from '../../queries/complaints/complaints.js';
import { findVisibleCase } from '../../queries/oversight/cases.js';
import { HIDDEN } from './hidden.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const doc = { tags: ['oversight'], hide: true };

/** `{ data, policies }`: the complaint a case came from (422 when the case came from elsewhere). */
async function complaintView(req: FastifyRequest, caseId: string) {
  const db = req.ctx.database.db;
  const view = await findVisibleCase(db, req.ctx.actor, caseId);
  if (!view) throw notFound('oversight_case');
  const found = view.row.sourceKind === 'complaint' && view.row.sourceId ? await complaintOfCase(db, view.row.sourceId) : undefined;
  if (!found) throw new AppError(422, 'case_not_complaint');
  return { data: presentCaseComplaint(found.row, found.chosenUnitName, view.row.status as CaseStatus), policies: complaintPolicy.rowPolicies(req.ctx.actor, {}) };
}

/** The complaint behind a case and its 公开答复: the oversight role's, hidden from everyone else. */
export default function caseComplaintRoutes(app: App) {
  app.get('/api/oversight/cases/:id/complaint', { ...HIDDEN, schema: { ...doc, params: IdParams, response: { 200: itemResponse(CaseComplaint), ...errors } } }, async (req) => {
    authorize(complaintPolicy.route.read(req.ctx.actor));
    return complaintView(req, req.params.id);
  });

  app.post('/api/oversight/cases/:id/public-reply', { ...HIDDEN, schema: { ...doc, params: IdParams, body: PublicReply, response: { 200: itemResponse(CaseComplaint), ...errors } } }, async (req) => {
    authorize(complaintPolicy.route.reply(req.ctx.actor));
    await replyComplaint(req.ctx, req.params.id, req.body);
    return complaintView(req, req.params.id);
  });
}
