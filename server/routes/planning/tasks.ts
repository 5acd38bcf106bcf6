import type { FastifyRequest } from 'fastify';
import { IdParams, itemResponse } from '../../../domain/schemas/common.js';
import { TaskCreate, TaskDetail, TaskItem, TaskListQuery, TaskUpdate } from '../../../domain/schemas/task.js';
import { lightListResponse } from '../../../domain/schemas/work.js';
import type { ClaimStatus } from '../../../domain/work.js';
import type { App } from '../../app.js';
import { createTask, updateTask } from '../../commands/planning/saveTask.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { taskPolicy } from '../../policies/task.js';
import { presentCounts } from '../../presenters/planning/light.js';
import { presentTask, presentTaskDetail } from '../../presenters/planning/task.js';
import { loadTask } from '../../queries/planning/taskDetail.js';
import { listTasks } from '../../queries/planning/tasks.js';
import { errors, pageOf } from './shared.js';
import { keptReplies } from '../keptReply.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { now } from '../../clock.js';
import { scopeOf } from '../../queries/regionScope.js';
import { drilledReader } from '../../queries/regionTree.js';

const tags = ['tasks'];

const taskListResponse = lightListResponse(TaskItem);
const sendKeptList = keptReplies(1000);

/** One task's page, with the `policies` this actor has on it (claim steps for their own unit's share). */
export async function taskDetail(req: FastifyRequest, id: string) {
  const l = await loadTask(req.ctx.database.db, id);
  if (!l) throw notFound('task');
  return { data: presentTaskDetail(l, req.ctx.lang), policies: taskPolicy.rowPolicies(req.ctx.actor, l.units.map((u) => ({ status: u.claimStatus as ClaimStatus, unitId: u.unitId }))) };
}

/** 任务/举措: the task tree under each plan, with stored lights and their reasons. */
export default function taskRoutes(app: App) {
  app.get('/api/tasks', { schema: { tags, querystring: TaskListQuery, response: { 200: taskListResponse, ...errors } } }, async (req, reply) => {
    authorize(taskPolicy.route.read(req.ctx.actor));
    const { page, perPage, sort, order, region, ...filter } = req.query;
    const db = req.ctx.database.db;
    const reader = await drilledReader(db, req.ctx.actor, region);
    // Kept per query, language, day and the reader's policies until the next write; filtered to a
    // unit (its tasks only), until the next write that declares that unit or declares nothing.
    const policies = taskPolicy.routePolicies(req.ctx.actor);
    return sendKeptList(
      req,
      reply,
      JSON.stringify([req.query, req.ctx.lang, shanghaiDate(now()), policies]),
      taskListResponse,
      async () => {
        const { rows, total, counts } = await listTasks(db, { ...filter, scope: scopeOf(reader) }, sort, order, page, perPage);
        return { data: rows.map((t) => presentTask(t, req.ctx.lang)), page: pageOf(page, perPage, total), counts: presentCounts(counts), policies };
      },
      filter.unit,
    );
  });
  app.post('/api/tasks', { schema: { tags, body: TaskCreate, response: { 200: itemResponse(TaskDetail), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.create(req.ctx.actor));
    return taskDetail(req, (await createTask(req.ctx, req.body)).id);
  });
  app.get('/api/tasks/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(TaskDetail), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.read(req.ctx.actor));
    return taskDetail(req, req.params.id);
  });
  app.patch('/api/tasks/:id', { schema: { tags, params: IdParams, body: TaskUpdate, response: { 200: itemResponse(TaskDetail), ...errors } } }, async (req) => {
    authorize(taskPolicy.route.update(req.ctx.actor));
    await updateTask(req.ctx, req.params.id, req.body);
    return taskDetail(req, req.params.id);
  });
}
