import type { FastifyRequest } from 'fastify';
import { ErrorBody } from '../../../domain/schemas/common.js';
import { HqWorkbench, LeaderWorkbench, TaskForceWorkbench, UnitWorkbench, UnitWorkbenchQuery } from '../../../domain/schemas/workbench.js';
import { z } from 'zod';
import type { App } from '../../app.js';
import type { reports } from '../../db/schema/index.js';
import { forbidden } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { taskForcesOf } from '../../policies/report.js';
import { workbenchPolicy, workbenchUnit } from '../../policies/workbench.js';
import { presentUnclaimed } from '../../presenters/planning/claim.js';
import { presentReportLines, presentUnitWorkbench } from '../../presenters/reporting/workbench.js';
import { loadItems } from '../../queries/reporting/items.js';
import { unitNames } from '../../queries/reporting/reports.js';
import { hqWorkbench, taskForceWorkbench } from '../../queries/reporting/workbenchQueues.js';
import { unitWorkbench } from '../../queries/reporting/workbenchUnit.js';
import { leaderWorkbench } from '../../queries/reporting/workbenchLeader.js';
import { keptReplies } from '../keptReply.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { now } from '../../clock.js';
import { presentWorkItem } from '../../presenters/reporting/light.js';
import { scopeOf } from '../../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['workbench'];
const answer = <T extends z.ZodType>(data: T) => z.object({ data });
const sendKeptWorkbench = keptReplies(500);

/** Report lines of several queues, with items and unit names loaded once. */
async function reportLines(req: FastifyRequest, ...queues: (typeof reports.$inferSelect)[][]) {
  const db = req.ctx.database.db;
  const all = queues.flat();
  const [items, units] = await Promise.all([loadItems(db, all), unitNames(db, all.map((r) => r.unitId))]);
  return queues.map((q) => presentReportLines(q, items, units, req.ctx.lang));
}

/** Workbenches: a unit's "my work", a task force's review queue, the HQ office's views. Reads only. */
export default function workbenchRoutes(app: App) {
  app.get('/api/workbench/unit', { schema: { tags, querystring: UnitWorkbenchQuery, response: { 200: answer(UnitWorkbench), ...errors } } }, async (req, reply) => {
    authorize(workbenchPolicy.route.unit(req.ctx.actor));
    const unitId = workbenchUnit(req.ctx.actor, req.query.unit);
    if (unitId === null) throw forbidden();
    const db = req.ctx.database.db;
    // The page every liaison and unit head opens first, many times a day: kept per unit, language
    // and day until the next write that declares the unit or declares nothing (a unit's workbench
    // is the same for each of its people; other units' writes leave it kept).
    const today = shanghaiDate(now());
    return sendKeptWorkbench(
      req,
      reply,
      JSON.stringify([unitId, req.ctx.lang, today]),
      answer(UnitWorkbench),
      async () => {
        const w = await unitWorkbench(db, unitId);
        return { data: presentUnitWorkbench(unitId, w.unitName, w, w.returnedItems, req.ctx.lang) };
      },
      unitId,
    );
  });

  app.get('/api/workbench/task-force', { schema: { tags, response: { 200: answer(TaskForceWorkbench), ...errors } } }, async (req) => {
    authorize(workbenchPolicy.route.taskForce(req.ctx.actor));
    const w = await taskForceWorkbench(req.ctx.database.db, taskForcesOf(req.ctx.actor));
    const [toReview] = await reportLines(req, w.toReview.rows);
    return { data: { toReview: toReview!, counts: { toReview: w.toReview.total, tasks: w.tasks } } };
  });

  app.get('/api/workbench/leader', { schema: { tags, response: { 200: answer(LeaderWorkbench), ...errors } } }, async (req) => {
    authorize(workbenchPolicy.route.leader(req.ctx.actor));
    const w = await leaderWorkbench(req.ctx.database.db, scopeOf(req.ctx.actor));
    return { data: { worst: w.worst.map((i) => presentWorkItem(i, req.ctx.lang)), counts: w.counts } };
  });

  app.get('/api/workbench/hq', { schema: { tags, response: { 200: answer(HqWorkbench), ...errors } } }, async (req) => {
    authorize(workbenchPolicy.route.hq(req.ctx.actor));
    const w = await hqWorkbench(req.ctx.database.db, scopeOf(req.ctx.actor));
    const [toAccept, toReview] = await reportLines(req, w.toAccept.rows, w.toReview.rows);
    return {
      data: { toAccept: toAccept!, toReview: toReview!, unclaimed: w.unclaimed.rows.map(presentUnclaimed), counts: { toAccept: w.toAccept.total, toReview: w.toReview.total, ...w.counts } },
    };
  });
}
