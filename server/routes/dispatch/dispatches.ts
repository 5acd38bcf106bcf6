import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { defaultDispatchDeadline, type DispatchStatus, type RecipientStatus } from '../../../domain/dispatch.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { DispatchCreate, DispatchDetail, DispatchListQuery, DispatchReply, DispatchStep, DispatchUpdate, Dispatch, Unreported } from '../../../domain/schemas/dispatch.js';
import type { DispatchAction } from '../../../domain/workflows/dispatch.js';
import type { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import type { DispatchListRow } from '../../models/dispatch.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { stepDispatch } from '../../commands/dispatch/dispatchStep.js';
import { replyDispatch } from '../../commands/dispatch/replyDispatch.js';
import { createDispatch, updateDispatch } from '../../commands/dispatch/saveDispatch.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { dispatchPolicy, mayReply } from '../../policies/dispatch.js';
import { presentDispatch, presentDispatchDetail } from '../../presenters/dispatch/dispatch.js';
import { currentCalendar } from '../../queries/calendar.js';
import { findDispatch, listDispatches, recipientLines, recipientUnitIds } from '../../queries/dispatch/dispatches.js';
import { unreportedUnits } from '../../queries/dispatch/unreported.js';
import { scopeOf } from '../../queries/regionScope.js';
import { dispatchResultsXlsx } from '../../xlsx/dispatchResults.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['dispatches'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `{ data, policies }` for one order as the requester sees it: the whole reply table for the office, a unit its own row. */
export async function dispatchView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const [row, cal] = await Promise.all([findDispatch(db, req.ctx.actor, id), currentCalendar(db)]);
  if (!row) throw notFound('dispatch');
  return viewOf(req, row, cal);
}

/** The view of an order already read (with the district's calendar, read once for a list of them). */
export async function viewOf(req: FastifyRequest, row: DispatchListRow, cal: WorkdayCalendar) {
  const db = req.ctx.database.db;
  const actor = req.ctx.actor;
  const d = row.dispatch;
  const [lines, unitIds] = await Promise.all([recipientLines(db, actor, d.id), recipientUnitIds(db, d.id)]);
  const status = d.status as DispatchStatus;
  const at = { cal, today: shanghaiDate(clockNow()) };
  const data = presentDispatchDetail(row, lines, at, (l) =>
    mayReply(actor, { status: l.recipient.status as RecipientStatus, dispatchStatus: status, unitId: l.recipient.unitId, recipient: true }, 'reply'),
  );
  return { data, policies: dispatchPolicy.rowPolicies(actor, { status, unitIds, fromAbove: !scopeOf(actor).includes(d.regionId) }) };
}

/** 调度令: orders of the HQ office to units, their replies, chasing, and the results as .xlsx. */
export default function dispatchRoutes(app: App) {
  app.get('/api/dispatches', { schema: { tags, querystring: DispatchListQuery, response: { 200: listResponse(Dispatch), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const db = req.ctx.database.db;
    const [{ rows, total }, cal] = await Promise.all([listDispatches(db, req.ctx.actor, filter, page, perPage), currentCalendar(db)]);
    const at = { cal, today: shanghaiDate(clockNow()) };
    return { data: rows.map((r) => presentDispatch(r, at)), page: { page, perPage, total }, policies: dispatchPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/dispatches/unreported', { schema: { tags, response: { 200: itemResponse(Unreported), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.unreported(req.ctx.actor));
    const db = req.ctx.database.db;
    const [units, cal] = await Promise.all([unreportedUnits(db, scopeOf(req.ctx.actor)), currentCalendar(db)]);
    return { data: { units, defaultDeadline: defaultDispatchDeadline(cal, shanghaiDate(clockNow())) }, policies: dispatchPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/dispatches/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(DispatchDetail), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.read(req.ctx.actor));
    return dispatchView(req, req.params.id);
  });

  app.post('/api/dispatches', { schema: { tags, body: DispatchCreate, response: { 200: itemResponse(DispatchDetail), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.create(req.ctx.actor));
    const d = await createDispatch(req.ctx, req.body);
    return dispatchView(req, d.id);
  });

  app.patch('/api/dispatches/:id', { schema: { tags, params: IdParams, body: DispatchUpdate, response: { 200: itemResponse(DispatchDetail), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.update(req.ctx.actor));
    await updateDispatch(req.ctx, req.params.id, req.body);
    return dispatchView(req, req.params.id);
  });

  for (const action of ['send', 'chase', 'close'] as const satisfies readonly DispatchAction[]) {
    app.post(`/api/dispatches/:id/${action}`, { schema: { tags, params: IdParams, body: DispatchStep.nullish(), response: { 200: itemResponse(DispatchDetail), ...errors } } }, async (req) => {
      authorize(dispatchPolicy.route[action](req.ctx.actor));
      await stepDispatch(req.ctx, req.params.id, action, req.body ?? {});
      return dispatchView(req, req.params.id);
    });
  }

  app.post('/api/dispatches/:id/replies', { schema: { tags, params: IdParams, body: DispatchReply, response: { 200: itemResponse(DispatchDetail), ...errors } } }, async (req) => {
    authorize(dispatchPolicy.route.reply(req.ctx.actor));
    await replyDispatch(req.ctx, req.params.id, req.body);
    return dispatchView(req, req.params.id);
  });

  app.get('/api/dispatches/:id/results.xlsx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(dispatchPolicy.route.export(req.ctx.actor));
    const view = await dispatchView(req, req.params.id);
    // A draft has no replies to export yet.
    authorize(view.policies.export);
    const file = await dispatchResultsXlsx(view.data);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="dispatch-results.xlsx"; filename*=UTF-8''${encodeURIComponent(`调度令答复汇总-${view.data.deadline}.xlsx`)}`)
      .send(file);
  });
}
