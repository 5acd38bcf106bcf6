import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { LedgerAcknowledge, LedgerClose, LedgerCreate, LedgerEntry, LedgerListQuery, LedgerReopen, LedgerRectify, LedgerVerify } from '../../../domain/schemas/ledger.js';
import type { LedgerAction } from '../../../domain/workflows/ledger.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import type { Ctx } from '../../context.js';
import { acknowledgeLedger } from '../../commands/inspections/acknowledgeLedger.js';
import { closeLedger } from '../../commands/inspections/closeLedger.js';
import { createLedgerEntry } from '../../commands/inspections/createLedgerEntry.js';
import { ledgerSubject } from '../../commands/inspections/ledgerStep.js';
import { rectifyLedger } from '../../commands/inspections/rectifyLedger.js';
import { reopenLedger } from '../../commands/inspections/reopenLedger.js';
import { verifyLedger } from '../../commands/inspections/verifyLedger.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { ledgerPolicy } from '../../policies/ledger.js';
import { presentLedgerEntry, presentTrail } from '../../presenters/inspections/ledger.js';
import { loadLedgerTrail } from '../../queries/inspections/ledgerTrail.js';
import { findVisibleLedgerEntry, listLedger, type LedgerFilter } from '../../queries/inspections/ledger.js';
import { ledgerExportCount, ledgerExportNames, ledgerExportPages } from '../../queries/inspections/ledgerExport.js';
import { ledgerXlsx } from '../../xlsx/ledgerXlsx.js';
import { sendXlsx } from '../../downloads.js';
import { jobOf } from '../../progress/jobOf.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['ledger'];
const today = () => shanghaiDate(clockNow());

/** The list's query string as the queries take it: `overdue` as a boolean, paging and search left out. */
function ledgerFilter(q: LedgerListQuery): LedgerFilter {
  const { page: _page, perPage: _perPage, q: _q, overdue, ...filter } = q;
  return { ...filter, overdue: overdue === undefined ? undefined : overdue === 'true' };
}

/** `{ data, policies }` for one entry as the requester sees it. */
async function ledgerView(req: FastifyRequest, id: string) {
  const view = await findVisibleLedgerEntry(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('ledger_entry');
  const trail = await loadLedgerTrail(req.ctx.database.db, view.entry);
  return { data: { ...presentLedgerEntry(view, today()), trail: presentTrail(trail) }, policies: ledgerPolicy.rowPolicies(req.ctx.actor, ledgerSubject(view.entry)) };
}

/** Each step's body and command: one route per step, all answered with the entry as it is after. */
const STEPS = {
  acknowledge: { body: LedgerAcknowledge.nullish(), run: (ctx: Ctx, id: string, b: z.infer<typeof LedgerAcknowledge> | null | undefined) => acknowledgeLedger(ctx, id, b ?? {}) },
  rectify: { body: LedgerRectify, run: rectifyLedger },
  verify: { body: LedgerVerify, run: verifyLedger },
  close: { body: LedgerClose.nullish(), run: (ctx: Ctx, id: string, b: z.infer<typeof LedgerClose> | null | undefined) => closeLedger(ctx, id, b ?? {}) },
  reopen: { body: LedgerReopen, run: reopenLedger },
} satisfies Record<LedgerAction, unknown>;

/** 督查工作台账: findings recorded by inspectors, rectified by the units, verified and closed or reopened. */
export default function ledgerRoutes(app: App) {
  app.get('/api/ledger', { schema: { tags, querystring: LedgerListQuery, response: { 200: listResponse(LedgerEntry), ...errors } } }, async (req) => {
    authorize(ledgerPolicy.route.read(req.ctx.actor));
    const { page, perPage } = req.query;
    const day = today();
    const { rows, total } = await listLedger(req.ctx.database.db, req.ctx.actor, ledgerFilter(req.query), day, page, perPage);
    return { data: rows.map((r) => presentLedgerEntry(r, day)), page: { page, perPage, total }, policies: ledgerPolicy.routePolicies(req.ctx.actor) };
  });

  // The same entries as the list (its filters and visibility, every page) as the office's workbook.
  app.get('/api/ledger.xlsx', { schema: { tags, querystring: LedgerListQuery } }, async (req, reply) => {
    authorize(ledgerPolicy.route.read(req.ctx.actor));
    const job = jobOf(req);
    const { db } = req.ctx.database;
    const day = today();
    const filter = ledgerFilter(req.query);
    job.phase('counting');
    const [names, total] = await Promise.all([ledgerExportNames(db, req.ctx.actor, filter), job.followed ? ledgerExportCount(db, req.ctx.actor, filter, day) : null]);
    const filters = { ...filter, campaign: filter.campaign && names.campaign, unit: filter.unit && names.unit };
    job.phase('writing', total);
    const file = await ledgerXlsx({ district: names.district, today: day, filters }, ledgerExportPages(db, req.ctx.actor, filter, day), job.done);
    return sendXlsx(reply, file, 'ledger.xlsx', `督查工作台账-${day}.xlsx`, job);
  });

  app.get('/api/ledger/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(LedgerEntry), ...errors } } }, async (req) => {
    authorize(ledgerPolicy.route.read(req.ctx.actor));
    return ledgerView(req, req.params.id);
  });

  app.post('/api/ledger', { schema: { tags, body: LedgerCreate, response: { 200: itemResponse(LedgerEntry), ...errors } } }, async (req) => {
    authorize(ledgerPolicy.route.create(req.ctx.actor));
    const row = await createLedgerEntry(req.ctx, req.body);
    return ledgerView(req, row.id);
  });

  for (const action of Object.keys(STEPS) as LedgerAction[]) {
    const step = STEPS[action] as { body: z.ZodType; run: (ctx: Ctx, id: string, body: unknown) => Promise<unknown> };
    app.post(`/api/ledger/:id/${action}`, { schema: { tags, params: IdParams, body: step.body, response: { 200: itemResponse(LedgerEntry), ...errors } } }, async (req) => {
      authorize(ledgerPolicy.route[action](req.ctx.actor));
      await step.run(req.ctx, req.params.id, req.body);
      return ledgerView(req, req.params.id);
    });
  }
}
