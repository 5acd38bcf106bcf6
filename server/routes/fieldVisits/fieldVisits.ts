import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { FieldVisit, FieldVisitCreate, FieldVisitDetail, FieldVisitListQuery, FindingParams, FindingToBlocker, FindingToFollowUp } from '../../../domain/schemas/fieldVisit.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { findingToBlocker } from '../../commands/fieldVisits/findingToBlocker.js';
import { findingToFollowUp } from '../../commands/fieldVisits/findingToFollowUp.js';
import { logVisit } from '../../commands/fieldVisits/logVisit.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { fieldVisitPolicy } from '../../policies/fieldVisit.js';
import { presentFieldVisit, presentFieldVisitDetail } from '../../presenters/fieldVisits/fieldVisit.js';
import { currentCalendar } from '../../queries/calendar.js';
import { trackedOnSubject } from '../../queries/dispatch/dispatches.js';
import { findFieldVisit, findingLines, listFieldVisits, visitPhotos } from '../../queries/fieldVisits/fieldVisits.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['field-visits'];

async function visitView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const row = await findFieldVisit(db, req.ctx.actor, id);
  if (!row) throw notFound('field_visit');
  const [findings, followUps, photos, cal] = await Promise.all([findingLines(db, id), trackedOnSubject(db, 'follow_up', 'field_visit', id), visitPhotos(db, id), currentCalendar(db)]);
  const data = presentFieldVisitDetail(row, findings, followUps, photos, { cal, today: shanghaiDate(clockNow()) });
  return { data, policies: fieldVisitPolicy.rowPolicies(req.ctx.actor, { bodyId: row.visit.bodyId }) };
}

/** 调查研究、现场指导: a task force's visits, and each finding made a blocker or a follow-up in one step. */
export default function fieldVisitRoutes(app: App) {
  app.get('/api/field-visits', { schema: { tags, querystring: FieldVisitListQuery, response: { 200: listResponse(FieldVisit), ...errors } } }, async (req) => {
    authorize(fieldVisitPolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listFieldVisits(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentFieldVisit), page: { page, perPage, total }, policies: fieldVisitPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/field-visits', { schema: { tags, body: FieldVisitCreate, response: { 200: itemResponse(FieldVisitDetail), ...errors } } }, async (req) => {
    authorize(fieldVisitPolicy.route.log(req.ctx.actor));
    const v = await logVisit(req.ctx, req.body);
    return visitView(req, v.id);
  });

  app.get('/api/field-visits/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(FieldVisitDetail), ...errors } } }, async (req) => {
    authorize(fieldVisitPolicy.route.read(req.ctx.actor));
    return visitView(req, req.params.id);
  });

  app.post(
    '/api/field-visits/:id/findings/:findingId/blocker',
    { schema: { tags, params: FindingParams, body: FindingToBlocker, response: { 200: itemResponse(FieldVisitDetail), ...errors } } },
    async (req) => {
      authorize(fieldVisitPolicy.route.act(req.ctx.actor));
      await findingToBlocker(req.ctx, req.params.id, req.params.findingId, req.body);
      return visitView(req, req.params.id);
    },
  );

  app.post(
    '/api/field-visits/:id/findings/:findingId/follow-up',
    { schema: { tags, params: FindingParams, body: FindingToFollowUp, response: { 200: itemResponse(FieldVisitDetail), ...errors } } },
    async (req) => {
      authorize(fieldVisitPolicy.route.act(req.ctx.actor));
      await findingToFollowUp(req.ctx, req.params.id, req.params.findingId, req.body);
      return visitView(req, req.params.id);
    },
  );
}
