import type { FastifyRequest } from 'fastify';
import { IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { Plan, PlanApprove, PlanCreate, PlanDetail, PlanListQuery, PlanReturn, PlanUpdate, PlanVersion } from '../../../domain/schemas/plan.js';
import { StepBody } from '../../../domain/schemas/work.js';
import type { PlanStatus } from '../../../domain/work.js';
import type { PlanAction } from '../../../domain/workflows/plan.js';
import type { App } from '../../app.js';
import { createPlan, updatePlan } from '../../commands/planning/savePlan.js';
import { stepPlan } from '../../commands/planning/stepPlan.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../context.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { planPolicy } from '../../policies/plan.js';
import { presentCounts } from '../../presenters/planning/light.js';
import { presentPlan, presentPlanDetail, presentPlanVersion } from '../../presenters/planning/plan.js';
import { findPlan, lastPlanReturn, listPlans, listPlanVersions, planLights } from '../../queries/planning/plans.js';
import { allOf, errors, pageOf } from './shared.js';
import { scopeOf } from '../../queries/regionScope.js';

const tags = ['plans'];

async function detail(db: Executor, actor: Actor | null, id: string) {
  const p = await findPlan(db, id);
  if (!p) throw notFound('plan');
  const [lastReturn, lights] = await Promise.all([p.status === 'draft' ? lastPlanReturn(db, id) : null, planLights(db, id)]);
  const counts = { task: presentCounts(lights.task), target: presentCounts(lights.target), project: presentCounts(lights.project) };
  return { data: presentPlanDetail(p, lastReturn, counts), policies: planPolicy.rowPolicies(actor, { status: p.status as PlanStatus }) };
}

/** "1+6" plans and mechanism plans, with their review workflow and versions. */
export default function planRoutes(app: App) {
  const db = (req: FastifyRequest) => req.ctx.database.db;

  app.get('/api/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: listResponse(Plan), ...errors } } }, async (req) => {
    authorize(planPolicy.route.read(req.ctx.actor));
    const { page, perPage, ...filter } = req.query;
    const { rows, total } = await listPlans(db(req), { ...filter, scope: scopeOf(req.ctx.actor) }, page, perPage);
    return { data: rows.map(presentPlan), page: pageOf(page, perPage, total), policies: planPolicy.routePolicies(req.ctx.actor) };
  });
  app.post('/api/plans', { schema: { tags, body: PlanCreate, response: { 200: itemResponse(PlanDetail), ...errors } } }, async (req) => {
    authorize(planPolicy.route.create(req.ctx.actor));
    const p = await createPlan(req.ctx, req.body);
    return detail(db(req), req.ctx.actor, p.id);
  });
  app.get('/api/plans/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(PlanDetail), ...errors } } }, async (req) => {
    authorize(planPolicy.route.read(req.ctx.actor));
    return detail(db(req), req.ctx.actor, req.params.id);
  });
  app.patch('/api/plans/:id', { schema: { tags, params: IdParams, body: PlanUpdate, response: { 200: itemResponse(PlanDetail), ...errors } } }, async (req) => {
    authorize(planPolicy.route.update(req.ctx.actor));
    await updatePlan(req.ctx, req.params.id, req.body);
    return detail(db(req), req.ctx.actor, req.params.id);
  });
  app.get('/api/plans/:id/versions', { schema: { tags, params: IdParams, response: { 200: allOf(PlanVersion), ...errors } } }, async (req) => {
    authorize(planPolicy.route.read(req.ctx.actor));
    if (!(await findPlan(db(req), req.params.id))) throw notFound('plan');
    return { data: (await listPlanVersions(db(req), req.params.id)).map(presentPlanVersion), policies: planPolicy.routePolicies(req.ctx.actor) };
  });

  const steps = [
    ['submit', StepBody],
    ['approve', PlanApprove],
    ['publish', StepBody],
    ['return', PlanReturn],
  ] as const;
  for (const [action, body] of steps) {
    app.post(`/api/plans/:id/${action}`, { schema: { tags, params: IdParams, body, response: { 200: itemResponse(PlanDetail), ...errors } } }, async (req) => {
      authorize(planPolicy.route[action](req.ctx.actor));
      await stepPlan(req.ctx, req.params.id, action as PlanAction, req.body as { version: number });
      return detail(db(req), req.ctx.actor, req.params.id);
    });
  }
}
