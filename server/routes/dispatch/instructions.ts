import { z } from 'zod';
import { ErrorBody, itemResponse } from '../../../domain/schemas/common.js';
import { DispatchDetail, InstructionCreate, InstructionListQuery } from '../../../domain/schemas/dispatch.js';
import type { App } from '../../app.js';
import { issueInstruction } from '../../commands/dispatch/issueInstruction.js';
import { authorize } from '../../policies/actor.js';
import { dispatchPolicy } from '../../policies/dispatch.js';
import { listInstructions } from '../../queries/dispatch/dispatches.js';
import { currentCalendar } from '../../queries/calendar.js';
import { dispatchView, viewOf } from './dispatches.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['instructions'];

/**
 * 领导批示: a leader writes one on a report, blocker or item; the units it goes to reply through
 * the order's reply (POST /api/dispatches/:id/replies), and the replies show back on the subject.
 */
export default function instructionRoutes(app: App) {
  app.get(
    '/api/instructions',
    { schema: { tags, querystring: InstructionListQuery, response: { 200: z.object({ data: z.array(DispatchDetail), policies: z.record(z.string(), z.boolean()) }), ...errors } } },
    async (req) => {
      authorize(dispatchPolicy.route.instructions(req.ctx.actor));
      const db = req.ctx.database.db;
      const [rows, cal] = await Promise.all([listInstructions(db, req.ctx.actor, req.query.subjectType, req.query.subjectId), currentCalendar(db)]);
      const views = await Promise.all(rows.map((r) => viewOf(req, r, cal)));
      return { data: views.map((v) => v.data), policies: dispatchPolicy.routePolicies(req.ctx.actor) };
    },
  );

  app.post('/api/instructions', { schema: { tags, body: InstructionCreate, response: { 200: itemResponse(DispatchDetail), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.instruct(req.ctx.actor));
    const row = await issueInstruction(req.ctx, req.body);
    return dispatchView(req, row.id);
  });
}
