import { ErrorBody } from '../../../domain/schemas/common.js';
import { EVIDENCE_MAX_BYTES, EvidenceParams, EvidenceResponse } from '../../../domain/schemas/evidence.js';
import type { App } from '../../app.js';
import { recordAccess } from '../../accessLog.js';
import { uploadEvidence } from '../../commands/reporting/uploadEvidence.js';
import { sendUploadedFile } from '../../downloads.js';
import { AppError, notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { evidencePolicy } from '../../policies/evidence.js';
import { findEvidenceFor } from '../../queries/reporting/evidence.js';
import { readUpload } from '../../uploads.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody };
const tags = ['evidence'];
const tooLarge = () => new AppError(413, 'evidence_too_large', { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 });

/** Images, PDFs and Office documents attached to reports, stored once by SHA-256. */
export default function evidenceRoutes(app: App) {
  app.post('/api/evidence', { config: { idempotent: true }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: EvidenceResponse, ...errors } } }, async (req) => {
    authorize(evidencePolicy.route.upload(req.ctx.actor));
    const { name, bytes } = await readUpload(req, { maxBytes: EVIDENCE_MAX_BYTES, tooLarge, notMultipart: () => new AppError(415, 'evidence_type') });
    return { data: await uploadEvidence(req.ctx, name, bytes) };
  });

  app.get('/api/evidence/:sha256', { schema: { tags, params: EvidenceParams } }, async (req, reply) => {
    authorize(evidencePolicy.route.read(req.ctx.actor));
    const file = await findEvidenceFor(req.ctx.database.db, req.ctx.actor!, req.params.sha256);
    if (!file) throw notFound('evidence');
    await recordAccess(req.ctx, 'evidence.downloaded', { entity: 'evidence', entityId: req.params.sha256, after: { name: file.name } });
    reply.header('cache-control', 'private, max-age=3600');
    return sendUploadedFile(reply, file);
  });
}
