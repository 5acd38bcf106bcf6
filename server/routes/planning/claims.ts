import { IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { ClaimBody, ClaimReturn, ClaimStep, UnclaimedItem, UnclaimedQuery } from '../../../domain/schemas/claim.js';
import { TaskDetail } from '../../../domain/schemas/task.js';
import type { App } from '../../app.js';
import { approveClaim, claimTask, returnClaim } from '../../commands/planning/claimTask.js';
import { lightEnv } from '../../lights/refresh.js';
import { authorize } from '../../policies/actor.js';
import { taskPolicy } from '../../policies/task.js';
import { presentUnclaimed } from '../../presenters/planning/claim.js';
import { listUnclaimed } from '../../queries/planning/claims.js';
import { errors, pageOf } from './shared.js';
import { taskDetail } from './tasks.js';
import { scopeOf } from '../../queries/regionScope.js';

const tags = ['claims'];

/** 认领: a unit claims its task with measures and milestones; its head approves or returns the claim. */
export default function claimRoutes(app: App) {
  app.post('/api/tasks/:id/claim', { config: { idempotent: true }, schema: { tags, params: IdParams, body: ClaimBody, response: { 200: itemResponse(TaskDetail), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.claim(req.ctx.actor));
    await claimTask(req.ctx, req.params.id, req.body);
    return taskDetail(req, req.params.id);
  });
  app.post('/api/tasks/:id/claim/approve', { config: { idempotent: true }, schema: { tags, params: IdParams, body: ClaimStep, response: { 200: itemResponse(TaskDetail), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.approveClaim(req.ctx.actor));
    await approveClaim(req.ctx, req.params.id, req.body);
    return taskDetail(req, req.params.id);
  });
  app.post('/api/tasks/:id/claim/return', { config: { idempotent: true }, schema: { tags, params: IdParams, body: ClaimReturn, response: { 200: itemResponse(TaskDetail), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.returnClaim(req.ctx.actor));
    await returnClaim(req.ctx, req.params.id, req.body);
    return taskDetail(req, req.params.id);
  });

  app.get('/api/claims/unclaimed', { schema: { tags, querystring: UnclaimedQuery, response: { 200: listResponse(UnclaimedItem), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const { page, perPage, q: _q, ...filter } = req.query;
    const env = await lightEnv(db);
    const { rows, total } = await listUnclaimed(db, env.calendar, env.today, { ...filter, scope: scopeOf(req.ctx.actor) }, page, perPage);
    return {
      data: rows.map(presentUnclaimed),
      page: pageOf(page, perPage, total),
      policies: taskPolicy.routePolicies(req.ctx.actor),
    };
  });
}
