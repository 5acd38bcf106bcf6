import { Blocker, BlockerCreate, BlockerEscalate, BlockerInstruct, BlockerListQuery, BlockerResolve, type BlockerLevel, type BlockerStatus } from '../../../domain/schemas/blocker.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import type { ItemType } from '../../../domain/work.js';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { escalateBlocker } from '../../commands/reporting/escalateBlocker.js';
import { instructBlocker } from '../../commands/reporting/instructBlocker.js';
import { raiseBlocker } from '../../commands/reporting/raiseBlocker.js';
import { resolveBlocker } from '../../commands/reporting/resolveBlocker.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { blockerPolicy } from '../../policies/blocker.js';
import { presentBlocker } from '../../presenters/reporting/blocker.js';
import { findVisibleBlocker, listBlockers } from '../../queries/reporting/blockers.js';
import { itemKey, loadItem, loadItems } from '../../queries/reporting/items.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['blockers'];

/** `{ data, policies }` for one blocker as the requester sees it. */
async function blockerView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const row = await findVisibleBlocker(db, req.ctx.actor, id);
  if (!row) throw notFound('blocker');
  const b = row.blocker;
  const item = await loadItem(db, b.itemType as ItemType, b.itemId);
  return {
    data: presentBlocker(b, row.unitName, item?.title ?? null, row.decidedByName),
    policies: blockerPolicy.rowPolicies(req.ctx.actor, { status: b.status as BlockerStatus, level: b.level as BlockerLevel, taskForceId: item?.taskForceId ?? null }),
  };
}

/** 堵点/淤点/难点: raised by units, escalated and resolved by task forces and the HQ office. */
export default function blockerRoutes(app: App) {
  app.get('/api/blockers', { schema: { tags, querystring: BlockerListQuery, response: { 200: listResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listBlockers(db, req.ctx.actor, filter, page, perPage);
    const items = await loadItems(db, rows.map((r) => r.blocker));
    return {
      data: rows.map((r) => presentBlocker(r.blocker, r.unitName, items.get(itemKey(r.blocker.itemType, r.blocker.itemId))?.title ?? null, r.decidedByName)),
      page: { page, perPage, total },
      policies: blockerPolicy.routePolicies(req.ctx.actor),
    };
  });

  app.get('/api/blockers/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.read(req.ctx.actor));
    return blockerView(req, req.params.id);
  });

  app.post('/api/blockers', { schema: { tags, body: BlockerCreate, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.raise(req.ctx.actor));
    const b = await raiseBlocker(req.ctx, req.body);
    return blockerView(req, b.id);
  });

  app.post('/api/blockers/:id/escalate', { schema: { tags, params: IdParams, body: BlockerEscalate.nullish(), response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.escalate(req.ctx.actor));
    await escalateBlocker(req.ctx, req.params.id, req.body ?? {});
    return blockerView(req, req.params.id);
  });

  app.post('/api/blockers/:id/instruct', { schema: { tags, params: IdParams, body: BlockerInstruct, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.instruct(req.ctx.actor));
    await instructBlocker(req.ctx, req.params.id, req.body);
    return blockerView(req, req.params.id);
  });

  app.post('/api/blockers/:id/resolve', { schema: { tags, params: IdParams, body: BlockerResolve, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.resolve(req.ctx.actor));
    await resolveBlocker(req.ctx, req.params.id, req.body);
    return blockerView(req, req.params.id);
  });
}
