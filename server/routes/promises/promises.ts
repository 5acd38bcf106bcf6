import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { PromiseBreak, PromiseKeep, PromiseListQuery, PromiseRecord, PromiseSummary } from '../../../domain/schemas/promise.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { breakPromise, keepPromise } from '../../commands/promises/keepPromise.js';
import { promiseSubject } from '../../commands/promises/promiseStep.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { promisePolicy } from '../../policies/promise.js';
import { presentPromise } from '../../presenters/promises/promise.js';
import { ledgerExportNames } from '../../queries/inspections/ledgerExport.js';
import { findVisiblePromise, listPromises, promisesForExport, promiseSummary } from '../../queries/promises/promises.js';
import { PROMISE_STATE_WORDS, promisesXlsx } from '../../xlsx/promisesXlsx.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['promises'];
const today = () => shanghaiDate(clockNow());
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function promiseView(req: FastifyRequest, id: string) {
  const view = await findVisiblePromise(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('promise');
  return { data: presentPromise(view, today()), policies: promisePolicy.rowPolicies(req.ctx.actor, promiseSubject(view.row)) };
}

/** 履约践诺台账: the promises units made to enterprises, kept by the units, found broken by oversight. */
export default function promiseRoutes(app: App) {
  app.get('/api/promises', { schema: { tags, querystring: PromiseListQuery, response: { 200: listResponse(PromiseRecord), ...errors } } }, async (req) => {
    authorize(promisePolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const day = today();
    const { rows, total } = await listPromises(req.ctx.database.db, req.ctx.actor, filter, day, page, perPage);
    return { data: rows.map((r) => presentPromise(r, day)), page: { page, perPage, total }, policies: promisePolicy.routePolicies(req.ctx.actor) };
  });

  // 红绿: counts by shown state over what the reader may see (the leader's card, the ledger's header).
  app.get('/api/promises/summary', { schema: { tags, querystring: PromiseListQuery.omit({ state: true }), response: { 200: itemResponse(PromiseSummary), ...errors } } }, async (req) => {
    authorize(promisePolicy.route.read(req.ctx.actor));
    const { page: _p, perPage: _pp, q: _q, ...filter } = req.query;
    return { data: await promiseSummary(req.ctx.database.db, req.ctx.actor, filter, today()), policies: promisePolicy.routePolicies(req.ctx.actor) };
  });

  // The list's filter and visibility, every row, as a workbook; a read, not audited (like the ledger's).
  app.get('/api/promises.xlsx', { schema: { tags, querystring: PromiseListQuery } }, async (req, reply) => {
    authorize(promisePolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const { page: _p, perPage: _pp, q: _q, ...filter } = req.query;
    const day = today();
    const rows = await promisesForExport(db, req.ctx.actor, filter, day);
    // The district and the unit named as the office's ledger names them.
    const names = await ledgerExportNames(db, req.ctx.actor, { unit: filter.unit });
    const words = [filter.state && `状态：${PROMISE_STATE_WORDS[filter.state]}`, filter.unit && `承诺单位：${names.unit ?? '（未知单位）'}`].filter(Boolean).join('；') || '全部';
    const file = await promisesXlsx({ district: names.district, today: day, filter: words }, rows);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="promises.xlsx"; filename*=UTF-8''${encodeURIComponent(`履约践诺台账-${day}.xlsx`)}`)
      .send(file);
  });

  app.post('/api/promises/:id/keep', { schema: { tags, params: IdParams, body: PromiseKeep, response: { 200: itemResponse(PromiseRecord), ...errors } } }, async (req) => {
    authorize(promisePolicy.route.keep(req.ctx.actor));
    await keepPromise(req.ctx, req.params.id, req.body);
    return promiseView(req, req.params.id);
  });

  app.post('/api/promises/:id/break', { schema: { tags, params: IdParams, body: PromiseBreak, response: { 200: itemResponse(PromiseRecord), ...errors } } }, async (req) => {
    authorize(promisePolicy.route.break(req.ctx.actor));
    await breakPromise(req.ctx, req.params.id, req.body);
    return promiseView(req, req.params.id);
  });
}
