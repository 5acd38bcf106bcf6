import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { Directive, DirectiveCreate, DirectiveDetail, DirectiveListQuery, DirectivePoint } from '../../../domain/schemas/directive.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { addDirectivePoint, registerDirective } from '../../commands/directives/registerDirective.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { directivePolicy } from '../../policies/directive.js';
import { presentDirective, presentDirectiveDetail } from '../../presenters/directives/directive.js';
import { currentCalendar } from '../../queries/calendar.js';
import { findDirective, listDirectives } from '../../queries/directives/directives.js';
import { trackedOnSubject } from '../../queries/dispatch/dispatches.js';
import { scopeOf } from '../../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['directives'];

async function directiveView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const row = await findDirective(db, id);
  if (!row) throw notFound('directive');
  const [points, cal] = await Promise.all([trackedOnSubject(db, 'directive', 'directive', id), currentCalendar(db)]);
  return { data: presentDirectiveDetail(row, points, { cal, today: shanghaiDate(clockNow()) }), policies: directivePolicy.rowPolicies(req.ctx.actor, {}) };
}

/** 上级指示: the office registers a directive and breaks it into points tracked to reply. */
export default function directiveRoutes(app: App) {
  app.get('/api/directives', { schema: { tags, querystring: DirectiveListQuery, response: { 200: listResponse(Directive), ...errors } } }, async (req) => {
    authorize(directivePolicy.route.read(req.ctx.actor));
    const { page, perPage } = req.query;
    const { rows, total } = await listDirectives(req.ctx.database.db, scopeOf(req.ctx.actor), page, perPage);
    return { data: rows.map(presentDirective), page: { page, perPage, total }, policies: directivePolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/directives', { schema: { tags, body: DirectiveCreate, response: { 200: itemResponse(DirectiveDetail), ...errors } } }, async (req) => {
    authorize(directivePolicy.route.register(req.ctx.actor));
    const d = await registerDirective(req.ctx, req.body);
    return directiveView(req, d.id);
  });

  app.get('/api/directives/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(DirectiveDetail), ...errors } } }, async (req) => {
    authorize(directivePolicy.route.read(req.ctx.actor));
    return directiveView(req, req.params.id);
  });

  app.post('/api/directives/:id/points', { schema: { tags, params: IdParams, body: DirectivePoint, response: { 200: itemResponse(DirectiveDetail), ...errors } } }, async (req) => {
    authorize(directivePolicy.route.register(req.ctx.actor));
    await addDirectivePoint(req.ctx, req.params.id, req.body);
    return directiveView(req, req.params.id);
  });
}
