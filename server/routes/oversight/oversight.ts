import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { caseFigures, type CaseStatus } from '../../../domain/oversight.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { CaseClose, CaseHandle, CaseListQuery, CaseNoteCreate, CaseVerify, Figures, FiguresQuery, OversightCase, OversightCaseCreate, Watch, WatchQuery } from '../../../domain/schemas/oversight.js';
import type { CaseAction } from '../../../domain/workflows/oversightCase.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import type { Ctx } from '../../context.js';
import { addCaseNote } from '../../commands/oversight/addCaseNote.js';
import { closeCase } from '../../commands/oversight/closeCase.js';
import { createOversightCase } from '../../commands/oversight/createOversightCase.js';
import { handleCase } from '../../commands/oversight/handleCase.js';
import { verifyCase } from '../../commands/oversight/verifyCase.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { oversightCasePolicy } from '../../policies/oversightCase.js';
import { presentCase } from '../../presenters/oversight/case.js';
import { findVisibleCase, listCases } from '../../queries/oversight/cases.js';
import { caseSpans } from '../../queries/oversight/figures.js';
import { loadWatch } from '../../queries/oversight/watchView.js';
import { HIDDEN } from './hidden.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
// Left out of the API document: every signed-in user may read it, and the routes are not theirs to know.
const doc = { tags: ['oversight'], hide: true };
const today = () => shanghaiDate(clockNow());

/** `{ data, policies }` for one case as the oversight role reads it. */
async function caseView(req: FastifyRequest, id: string) {
  const view = await findVisibleCase(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('oversight_case');
  return { data: presentCase(view), policies: oversightCasePolicy.rowPolicies(req.ctx.actor, { status: view.row.status as CaseStatus }) };
}

const STEPS = {
  verify: { body: CaseVerify, run: verifyCase },
  handle: { body: CaseHandle, run: handleCase },
  close: { body: CaseClose, run: closeCase },
} satisfies Record<CaseAction, unknown>;

/** 监督: confidential cases (问题线索), the watch (监督哨) and 遏增清存, for the oversight role alone. */
export default function oversightRoutes(app: App) {
  app.get('/api/oversight/cases', { ...HIDDEN, schema: { ...doc, querystring: CaseListQuery, response: { 200: listResponse(OversightCase), ...errors } } }, async (req) => {
    authorize(oversightCasePolicy.route.read(req.ctx.actor));
    const { page, perPage, ...filter } = req.query;
    const { rows, total } = await listCases(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentCase), page: { page, perPage, total }, policies: oversightCasePolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/oversight/cases/:id', { ...HIDDEN, schema: { ...doc, params: IdParams, response: { 200: itemResponse(OversightCase), ...errors } } }, async (req) => {
    authorize(oversightCasePolicy.route.read(req.ctx.actor));
    return caseView(req, req.params.id);
  });

  app.post('/api/oversight/cases', { ...HIDDEN, schema: { ...doc, body: OversightCaseCreate, response: { 200: itemResponse(OversightCase), ...errors } } }, async (req) => {
    authorize(oversightCasePolicy.route.create(req.ctx.actor));
    const row = await createOversightCase(req.ctx, req.body);
    return caseView(req, row.id);
  });

  app.post('/api/oversight/cases/:id/notes', { ...HIDDEN, schema: { ...doc, params: IdParams, body: CaseNoteCreate, response: { 200: itemResponse(OversightCase), ...errors } } }, async (req) => {
    authorize(oversightCasePolicy.route.note(req.ctx.actor));
    await addCaseNote(req.ctx, req.params.id, req.body);
    return caseView(req, req.params.id);
  });

  for (const action of Object.keys(STEPS) as CaseAction[]) {
    const step = STEPS[action] as { body: typeof CaseVerify; run: (ctx: Ctx, id: string, body: unknown) => Promise<unknown> };
    app.post(`/api/oversight/cases/:id/${action}`, { ...HIDDEN, schema: { ...doc, params: IdParams, body: step.body, response: { 200: itemResponse(OversightCase), ...errors } } }, async (req) => {
      authorize(oversightCasePolicy.route[action](req.ctx.actor));
      await step.run(req.ctx, req.params.id, req.body);
      return caseView(req, req.params.id);
    });
  }

  app.get('/api/oversight/watch', { ...HIDDEN, schema: { ...doc, querystring: WatchQuery, response: { 200: itemResponse(Watch), ...errors } } }, async (req) => {
    authorize(oversightCasePolicy.route.read(req.ctx.actor));
    return { data: await loadWatch(req.ctx.database.db, req.ctx.actor, req.query.days, today()), policies: oversightCasePolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/oversight/figures', { ...HIDDEN, schema: { ...doc, querystring: FiguresQuery, response: { 200: itemResponse(Figures), ...errors } } }, async (req) => {
    authorize(oversightCasePolicy.route.read(req.ctx.actor));
    const day = today();
    const to = req.query.to ?? day;
    const from = req.query.from ?? `${to.slice(0, 4)}-01-01`;
    const spans = await caseSpans(req.ctx.database.db, req.ctx.actor, to);
    return { data: caseFigures(spans, from, from <= to ? to : from), policies: oversightCasePolicy.routePolicies(req.ctx.actor) };
  });
}
