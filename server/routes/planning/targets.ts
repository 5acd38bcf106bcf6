import type { FastifyRequest } from 'fastify';
import { IdParams, itemResponse } from '../../../domain/schemas/common.js';
import { Actual, ActualCreate, Target, TargetCreate, TargetDetail, TargetListQuery, TargetUpdate, TrajectoryPut } from '../../../domain/schemas/target.js';
import { lightListResponse } from '../../../domain/schemas/work.js';
import type { App } from '../../app.js';
import { createTarget, updateTarget } from '../../commands/planning/saveTarget.js';
import { recordActual, setTrajectory } from '../../commands/planning/targetValues.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { targetPolicy } from '../../policies/target.js';
import { presentCounts } from '../../presenters/planning/light.js';
import { presentActual, presentTarget, presentTargetDetail } from '../../presenters/planning/target.js';
import { listActuals, listTargets, loadOutlookFacts, loadTarget, targetExists } from '../../queries/planning/targets.js';
import { allOf, errors, pageOf, thisYear } from './shared.js';
import { scopeOf } from '../../queries/regionScope.js';
import { drilledReader } from '../../queries/regionTree.js';

const tags = ['targets'];

/** 目标/指标: goals per year, trajectory, actuals, and the year-end outlook (首战告捷). */
export default function targetRoutes(app: App) {
  const policies = (req: FastifyRequest) => targetPolicy.routePolicies(req.ctx.actor);
  const detail = async (req: FastifyRequest, id: string) => {
    const l = await loadTarget(req.ctx.database.db, id);
    if (!l) throw notFound('target');
    return { data: presentTargetDetail(l, req.ctx.lang, thisYear()), policies: policies(req) };
  };

  app.get('/api/targets', { schema: { tags, querystring: TargetListQuery, response: { 200: lightListResponse(Target), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.read(req.ctx.actor));
    const { page, perPage, region, ...filter } = req.query;
    const db = req.ctx.database.db;
    const reader = await drilledReader(db, req.ctx.actor, region);
    const { rows, total, counts } = await listTargets(db, { ...filter, scope: scopeOf(reader) }, page, perPage);
    const year = thisYear();
    const facts = await loadOutlookFacts(db, rows.map((t) => t.id), year);
    return { data: rows.map((t) => presentTarget(t, req.ctx.lang, facts.get(t.id) ?? { goals: [], actuals: [], latest: null }, year)), page: pageOf(page, perPage, total), counts: presentCounts(counts), policies: policies(req) };
  });
  app.post('/api/targets', { schema: { tags, body: TargetCreate, response: { 200: itemResponse(TargetDetail), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.create(req.ctx.actor));
    return detail(req, (await createTarget(req.ctx, req.body)).id);
  });
  app.get('/api/targets/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(TargetDetail), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.read(req.ctx.actor));
    return detail(req, req.params.id);
  });
  app.patch('/api/targets/:id', { schema: { tags, params: IdParams, body: TargetUpdate, response: { 200: itemResponse(TargetDetail), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.update(req.ctx.actor));
    await updateTarget(req.ctx, req.params.id, req.body);
    return detail(req, req.params.id);
  });
  app.put('/api/targets/:id/trajectory', { schema: { tags, params: IdParams, body: TrajectoryPut, response: { 200: itemResponse(TargetDetail), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.update(req.ctx.actor));
    await setTrajectory(req.ctx, req.params.id, req.body);
    return detail(req, req.params.id);
  });
  app.get('/api/targets/:id/actuals', { schema: { tags, params: IdParams, response: { 200: allOf(Actual), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.read(req.ctx.actor));
    if (!(await targetExists(req.ctx.database.db, req.params.id))) throw notFound('target');
    return { data: (await listActuals(req.ctx.database.db, req.params.id)).map(presentActual), policies: policies(req) };
  });
  app.post('/api/targets/:id/actuals', { schema: { tags, params: IdParams, body: ActualCreate, response: { 200: itemResponse(Actual), ...errors } } }, async (req) => {
    authorize(targetPolicy.route.recordActual(req.ctx.actor));
    return { data: presentActual(await recordActual(req.ctx, req.params.id, req.body)), policies: policies(req) };
  });
}
