import type { FastifyRequest } from 'fastify';
import type { CaseStatus } from '../../../domain/oversight.js';
import { CASE_AUDIT_ENTITY } from '../../../domain/oversight.js';
import { CaseComplaint, CaseFileParams, PublicReply } from '../../../domain/schemas/complaint.js';
import { ErrorBody, IdParams, itemResponse } from '../../../domain/schemas/common.js';
import type { App } from '../../app.js';
import { recordAccess } from '../../accessLog.js';
import { replyComplaint } from '../../commands/complaints/replyComplaint.js';
import { AppError, notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { complaintPolicy } from '../../policies/complaint.js';
import { presentCaseComplaint } from '../../presenters/complaints/complaint.js';
import { sendUploadedFile } from '../../downloads.js';
import { complaintFile, complaintFilesOf, complaintOfCase } from '../../queries/complaints/complaints.js';
import { findVisibleCase } from '../../queries/oversight/cases.js';
import { HIDDEN } from './hidden.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const doc = { tags: ['oversight'], hide: true };

/** The case (404 unless the reader's) and the complaint it came from (422 when it came from elsewhere). */
async function caseAndComplaint(req: FastifyRequest, caseId: string) {
  const db = req.ctx.database.db;
  const view = await findVisibleCase(db, req.ctx.actor, caseId);
  if (!view) throw notFound('oversight_case');
  const found = view.row.sourceKind === 'complaint' && view.row.sourceId ? await complaintOfCase(db, view.row.sourceId) : undefined;
  if (!found) throw new AppError(422, 'case_not_complaint');
  return { view, found };
}

/** `{ data, policies }`: the complaint a case came from, with its files. */
async function complaintView(req: FastifyRequest, caseId: string) {
  const { view, found } = await caseAndComplaint(req, caseId);
  const files = await complaintFilesOf(req.ctx.database.db, found.row.id);
  return { data: presentCaseComplaint(found.row, found.chosenUnitName, view.row.status as CaseStatus, files), policies: complaintPolicy.rowPolicies(req.ctx.actor, {}) };
}

/** The complaint behind a case, its files and its 公开答复: the oversight role's, hidden from everyone else. */
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

  // A file the complaint came with, byte for byte under the headers of every upload (sandboxed,
  // never sniffed; photos inline, a PDF saved). Not kept by the browser: it is confidential. The
  // download is recorded as a reading of the case — its id, not the file's name (personal data).
  app.get('/api/oversight/cases/:id/complaint/files/:sha256', { ...HIDDEN, schema: { ...doc, params: CaseFileParams } }, async (req, reply) => {
    authorize(complaintPolicy.route.read(req.ctx.actor));
    const { found } = await caseAndComplaint(req, req.params.id);
    const file = await complaintFile(req.ctx.database.db, found.row.id, req.params.sha256);
    if (!file) throw notFound('complaint_file');
    await recordAccess(req.ctx, 'oversight_case.file_downloaded', { entity: CASE_AUDIT_ENTITY, entityId: req.params.id });
    reply.header('cache-control', 'private, no-store');
    return sendUploadedFile(reply, file);
  });
}
