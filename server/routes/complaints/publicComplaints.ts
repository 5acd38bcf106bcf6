import { formatTrackingCode, normaliseTrackingCode } from '../../../domain/complaints.js';
import { ComplaintCreate, ComplaintPublicView, ComplaintReceipt, TrackingParams } from '../../../domain/schemas/complaint.js';
import { ErrorBody } from '../../../domain/schemas/common.js';
import { z } from 'zod';
import type { App } from '../../app.js';
import { fileComplaint, newTrackingCode } from '../../commands/complaints/fileComplaint.js';
import { notFound } from '../../errors.js';
import { presentPublicComplaint } from '../../presenters/complaints/complaint.js';
import { complaintByCode } from '../../queries/complaints/complaints.js';
import type { PublicThrottle } from '../../security/publicThrottle.js';

const errors = { 400: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const doc = { tags: ['public'] };

/**
 * 营商环境投诉, public (no login): file a complaint, follow it by its tracking code. No CSRF token:
 * the authentication hook asks none of a public route, and none is needed — the route acts for no
 * session (a signed-in visitor's cookie gives it nothing: the complaint is anonymous). Each address
 * is counted before the body is read, so junk is throttled as much as real complaints.
 */
export default function publicComplaintRoutes(app: App, throttle: PublicThrottle) {
  app.post(
    '/api/public/complaints',
    {
      config: { auth: 'public' },
      onRequest: async (req) => throttle.submit(req.ctx),
      schema: { ...doc, body: ComplaintCreate, response: { 200: z.object({ data: ComplaintReceipt }), ...errors } },
    },
    async (req) => {
      // The honeypot: a person never sees `website`; a bot that fills it gets a success that looks
      // real (a code of the same shape, which finds nothing) and nothing is stored.
      if (req.body.website) return { data: { trackingCode: formatTrackingCode(newTrackingCode()) } };
      const { trackingCode } = await fileComplaint(req.ctx, req.body);
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
