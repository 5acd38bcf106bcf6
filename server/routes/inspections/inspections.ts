import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { allOf } from '../planning/shared.js';
import { Inspection, InspectionCreate, InspectionListQuery, InspectionUpdate, Inspector } from '../../../domain/schemas/ledger.js';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { createInspection, updateInspection } from '../../commands/inspections/saveInspection.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { inspectionPolicy } from '../../policies/inspection.js';
import { presentInspection } from '../../presenters/inspections/inspection.js';
import { findVisibleInspection, listInspections } from '../../queries/inspections/inspections.js';
import { listInspectors } from '../../queries/inspections/inspectors.js';
import { scopeOf } from '../../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['inspections'];

/** `{ data, policies }` for one campaign as the requester sees it. */
async function inspectionView(req: FastifyRequest, id: string) {
  const row = await findVisibleInspection(req.ctx.database.db, req.ctx.actor, id);
  if (!row) throw notFound('inspection');
  return { data: presentInspection(row), policies: inspectionPolicy.rowPolicies(req.ctx.actor, { unitIds: row.unitIds, fromAbove: !scopeOf(req.ctx.actor).includes(row.regionId) }) };
}

/** 督查 campaigns: planned by inspectors and the HQ office, read by the overseers and the units inspected. */
export default function inspectionRoutes(app: App) {
  app.get('/api/inspections', { schema: { tags, querystring: InspectionListQuery, response: { 200: listResponse(Inspection), ...errors } } }, async (req) => {
    authorize(inspectionPolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listInspections(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentInspection), page: { page, perPage, total }, policies: inspectionPolicy.routePolicies(req.ctx.actor) };
  });

  // Who plans a campaign picks its inspectors from these.
  app.get('/api/inspections/inspectors', { schema: { tags, response: { 200: allOf(Inspector), ...errors } } }, async (req) => {
    authorize(inspectionPolicy.route.create(req.ctx.actor));
    return { data: await listInspectors(req.ctx.database.db, scopeOf(req.ctx.actor)), policies: inspectionPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/inspections/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Inspection), ...errors } } }, async (req) => {
    authorize(inspectionPolicy.route.read(req.ctx.actor));
    return inspectionView(req, req.params.id);
  });

  app.post('/api/inspections', { schema: { tags, body: InspectionCreate, response: { 200: itemResponse(Inspection), ...errors } } }, async (req) => {
    authorize(inspectionPolicy.route.create(req.ctx.actor));
    const row = await createInspection(req.ctx, req.body);
    return inspectionView(req, row.id);
  });

  app.patch('/api/inspections/:id', { schema: { tags, params: IdParams, body: InspectionUpdate, response: { 200: itemResponse(Inspection), ...errors } } }, async (req) => {
    authorize(inspectionPolicy.route.update(req.ctx.actor));
    await updateInspection(req.ctx, req.params.id, req.body);
    return inspectionView(req, req.params.id);
  });
}
