import { IdParams, itemResponse, OkBody } from '../../../domain/schemas/common.js';
import { Milestone, MilestoneCreate, MilestoneParams, MilestoneUpdate } from '../../../domain/schemas/task.js';
import type { App } from '../../app.js';
import { addMilestone, removeMilestone, updateMilestone } from '../../commands/planning/saveMilestone.js';
import { authorize } from '../../policies/actor.js';
import { taskPolicy } from '../../policies/task.js';
import { presentMilestone } from '../../presenters/planning/task.js';
import { errors } from './shared.js';

const tags = ['tasks'];

/** 节点: a task's own milestones, kept by the HQ office (claim milestones come with the claim). */
export default function milestoneRoutes(app: App) {
  app.post('/api/tasks/:id/milestones', { schema: { tags, params: IdParams, body: MilestoneCreate, response: { 200: itemResponse(Milestone), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.update(req.ctx.actor));
    return { data: presentMilestone(await addMilestone(req.ctx, req.params.id, req.body)), policies: taskPolicy.routePolicies(req.ctx.actor) };
  });
  app.patch(
    '/api/tasks/:id/milestones/:milestoneId',
    { schema: { tags, params: MilestoneParams, body: MilestoneUpdate, response: { 200: itemResponse(Milestone), ...errors } } },
    async (req) => {
      authorize(taskPolicy.route.update(req.ctx.actor));
      const m = await updateMilestone(req.ctx, req.params.id, req.params.milestoneId, req.body);
      return { data: presentMilestone(m), policies: taskPolicy.routePolicies(req.ctx.actor) };
    },
  );
  app.delete('/api/tasks/:id/milestones/:milestoneId', { schema: { tags, params: MilestoneParams, response: { 200: OkBody, ...errors } } }, async (req) => {
    authorize(taskPolicy.route.update(req.ctx.actor));
    await removeMilestone(req.ctx, req.params.id, req.params.milestoneId);
    return { ok: true as const };
  });
}
