import type { z } from 'zod';
import {
  Blocker,
  BlockerAssign,
  BlockerCreate,
  BlockerDecide,
  BlockerEscalate,
  BlockerListQuery,
  BlockerReopen,
  BlockerResolve,
  BlockerReturn,
  BlockerVerify,
} from '../../../domain/schemas/blocker.js';
import type { BlockerAction } from '../../../domain/workflows/blocker.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import type { Ctx } from '../../context.js';
import { assignBlocker } from '../../commands/reporting/assignBlocker.js';
import { blockerSubject } from '../../commands/reporting/blockerStep.js';
import { decideBlocker } from '../../commands/reporting/decideBlocker.js';
import { escalateBlocker } from '../../commands/reporting/escalateBlocker.js';
import { raiseBlocker } from '../../commands/reporting/raiseBlocker.js';
import { reopenBlocker } from '../../commands/reporting/reopenBlocker.js';
import { resolveBlocker } from '../../commands/reporting/resolveBlocker.js';
import { returnBlocker } from '../../commands/reporting/returnBlocker.js';
import { verifyBlocker } from '../../commands/reporting/verifyBlocker.js';
import { notFound } from '../../errors.js';
import { drilledReader } from '../../queries/regionTree.js';
import { authorize } from '../../policies/actor.js';
import { blockerPolicy } from '../../policies/blocker.js';
import { presentBlocker } from '../../presenters/reporting/blocker.js';
import { findVisibleBlocker, listBlockers } from '../../queries/reporting/blockers.js';
import { loadItem, loadItems } from '../../queries/reporting/items.js';
import { itemKey, type ItemType } from '../../../domain/work.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['blockers'];

/** `{ data, policies }` for one blocker as the requester sees it. */
async function blockerView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const view = await findVisibleBlocker(db, req.ctx.actor, id);
  if (!view) throw notFound('blocker');
  const item = await loadItem(db, view.blocker.itemType as ItemType, view.blocker.itemId);
  return { data: presentBlocker(view), policies: blockerPolicy.rowPolicies(req.ctx.actor, blockerSubject(view.blocker, item?.taskForceId ?? null)) };
}

/** Each step's body and command: one route per step, all answered with the blocker as it is after. */
const STEPS = {
  escalate: { body: BlockerEscalate.nullish(), run: (ctx: Ctx, id: string, b: z.infer<typeof BlockerEscalate> | null | undefined) => escalateBlocker(ctx, id, b ?? {}) },
  assign: { body: BlockerAssign, run: assignBlocker },
  decide: { body: BlockerDecide, run: decideBlocker },
  return: { body: BlockerReturn, run: returnBlocker },
  resolve: { body: BlockerResolve, run: resolveBlocker },
  verify: { body: BlockerVerify.nullish(), run: (ctx: Ctx, id: string, b: z.infer<typeof BlockerVerify> | null | undefined) => verifyBlocker(ctx, id, b ?? { note: '' }) },
  reopen: { body: BlockerReopen, run: reopenBlocker },
} satisfies Record<BlockerAction, unknown>;

/** 堵点/淤点/难点: raised by units, handled level by level, solved by a resolver unit, verified by the raiser. */
export default function blockerRoutes(app: App) {
  app.get('/api/blockers', { schema: { tags, querystring: BlockerListQuery, response: { 200: listResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, region, ...filter } = req.query;
    const db = req.ctx.database.db;
    const { rows, total } = await listBlockers(db, await drilledReader(db, req.ctx.actor, region), filter, page, perPage);
    // Each row's own policies (its plan's task force decides some steps): the page's items in one read.
    const items = await loadItems(db, rows.map((r) => ({ itemType: r.blocker.itemType, itemId: r.blocker.itemId })));
    const data = rows.map((r) => ({
      ...presentBlocker(r),
      policies: blockerPolicy.rowPolicies(req.ctx.actor, blockerSubject(r.blocker, items.get(itemKey(r.blocker.itemType, r.blocker.itemId))?.taskForceId ?? null)),
    }));
    return { data, page: { page, perPage, total }, policies: blockerPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/blockers/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.read(req.ctx.actor));
    return blockerView(req, req.params.id);
  });

  app.post('/api/blockers', { config: { idempotent: true }, schema: { tags, body: BlockerCreate, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
    authorize(blockerPolicy.route.raise(req.ctx.actor));
    const b = await raiseBlocker(req.ctx, req.body);
    return blockerView(req, b.id);
  });

  for (const action of Object.keys(STEPS) as BlockerAction[]) {
    const step = STEPS[action] as { body: z.ZodType; run: (ctx: Ctx, id: string, body: unknown) => Promise<unknown> };
    app.post(`/api/blockers/:id/${action}`, { config: { idempotent: true }, schema: { tags, params: IdParams, body: step.body, response: { 200: itemResponse(Blocker), ...errors } } }, async (req) => {
      authorize(blockerPolicy.route[action](req.ctx.actor));
      await step.run(req.ctx, req.params.id, req.body);
      return blockerView(req, req.params.id);
    });
  }
}
