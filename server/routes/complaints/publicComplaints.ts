import type { FastifyRequest } from 'fastify';
import { COMPLAINT_FILE_MAX_BYTES, COMPLAINT_MAX_FILES, formatTrackingCode, normaliseTrackingCode } from '../../../domain/complaints.js';
import { LIMITS } from '../../../domain/limits.js';
import { ComplaintCreate, ComplaintPublicView, ComplaintReceipt, TrackingParams } from '../../../domain/schemas/complaint.js';
import { ErrorBody } from '../../../domain/schemas/common.js';
import { z } from 'zod';
import type { App } from '../../app.js';
import { fileTooLarge, tooManyFiles } from '../../commands/complaints/complaintFiles.js';
import { fileComplaint, newTrackingCode } from '../../commands/complaints/fileComplaint.js';
import { textGuard } from '../../errorHandler.js';
import { notFound } from '../../errors.js';
import { presentPublicComplaint } from '../../presenters/complaints/complaint.js';
import { complaintByCode } from '../../queries/complaints/complaints.js';
import type { PublicThrottle } from '../../security/publicThrottle.js';
import { readForm, type Upload } from '../../uploads.js';

/** The files of each multipart complaint, read by its preValidation hook for the handler. */
const uploadsOf = new WeakMap<FastifyRequest, Upload[]>();

/**
 * A complaint with files comes as a multipart form: its text fields are the JSON body's, its files
 * in `files`. Read here — after the throttle counted the request, before the schema checks the
 * fields as it checks a JSON body — with every limit enforced while reading. The app's text guard
 * ran before there was a body, so it runs again on the fields.
 */
async function readComplaintForm(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  const lang = req.ctx.lang;
  const form = await readForm(req, {
    fileField: 'files',
    maxFiles: COMPLAINT_MAX_FILES,
    maxBytes: COMPLAINT_FILE_MAX_BYTES,
    maxFields: Object.keys(ComplaintCreate.shape).length,
    // A field of LIMITS.text characters, each up to 4 bytes in UTF-8; a longer one is cut and refused.
    maxFieldBytes: 4 * LIMITS.text + 64,
    tooLarge: (name) => fileTooLarge(name, lang),
    tooMany: () => tooManyFiles(lang),
  });
  req.body = form.fields;
  uploadsOf.set(req, form.files);
  textGuard(req);
}

const errors = { 400: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const doc = { tags: ['public'] };

/**
 * 营商环境投诉, public (no login): file a complaint, follow it by its tracking code. No CSRF token:
 * the authentication hook asks none of a public route, and none is needed — the route acts for no
 * session (a signed-in visitor's cookie gives it nothing: the complaint is anonymous). Each address
 * is counted before the body is read, so junk is throttled as much as real complaints. A complaint
 * with attachments is a multipart form (fields as the JSON body's, up to 3 photos or PDFs in `files`).
 */
export default function publicComplaintRoutes(app: App, throttle: PublicThrottle) {
  app.post(
    '/api/public/complaints',
    {
      config: { auth: 'public' },
      onRequest: async (req) => throttle.submit(req.ctx),
      preValidation: readComplaintForm,
      schema: { ...doc, consumes: ['application/json', 'multipart/form-data'], body: ComplaintCreate, response: { 200: z.object({ data: ComplaintReceipt }), ...errors } },
    },
    async (req) => {
      // The honeypot: a person never sees `website`; a bot that fills it gets a success that looks
      // real (a code of the same shape, which finds nothing) and nothing is stored.
      if (req.body.website) return { data: { trackingCode: formatTrackingCode(newTrackingCode()) } };
      const { trackingCode } = await fileComplaint(req.ctx, req.body, uploadsOf.get(req));
      return { data: { trackingCode: formatTrackingCode(trackingCode) } };
    },
  );

  app.get(
    '/api/public/complaints/:trackingCode',
    {
      config: { auth: 'public' },
      onRequest: async (req) => throttle.lookup(req.ctx),
      schema: { ...doc, params: TrackingParams, response: { 200: z.object({ data: ComplaintPublicView }), ...errors } },
    },
    async (req) => {
      // One indexed lookup whatever the code looks like, so a miss takes a hit's time.
      const row = await complaintByCode(req.ctx.database.db, normaliseTrackingCode(req.params.trackingCode));
      if (!row) throw notFound('complaint');
      return { data: presentPublicComplaint(row) };
    },
  );
}
