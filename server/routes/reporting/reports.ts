import type { FastifyRequest } from 'fastify';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { ReportBrief, ReportBriefQuery, ReportCreate, ReportDetail, ReportListItem, ReportListQuery, ReportReturn, ReportStep, ReportUpdate } from '../../../domain/schemas/report.js';
import type { App } from '../../app.js';
import { acceptReport } from '../../commands/reporting/acceptReport.js';
import { approveReport } from '../../commands/reporting/approveReport.js';
import { createReport } from '../../commands/reporting/createReport.js';
import { returnReport } from '../../commands/reporting/returnReport.js';
import { reviewReport } from '../../commands/reporting/reviewReport.js';
import { submitReport } from '../../commands/reporting/submitReport.js';
import { updateReport } from '../../commands/reporting/updateReport.js';
import { authorize } from '../../policies/actor.js';
import { reportPolicy } from '../../policies/report.js';
import { presentReport } from '../../presenters/reporting/report.js';
import { loadItems, itemKey } from '../../queries/reporting/items.js';
import { listReports, loadReportDetail } from '../../queries/reporting/reports.js';
import { reportBrief } from '../../queries/reporting/reportBrief.js';
import { unitsWhere } from '../../policies/report.js';
import { scopeOf } from '../../queries/regionScope.js';
import { notFound } from '../../errors.js';
import { presentReportView } from '../../presenters/reporting/reportView.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['reports'];

/** 进展报送: drafts, edits and the five workflow steps (one command each). */
/** `{ data, policies }` for one report as the requester sees it (404 when out of their scope). */
async function reportView(req: FastifyRequest, id: string) {
  const d = await loadReportDetail(req.ctx.database.db, req.ctx.actor, id);
  if (!d) throw notFound('report');
  return presentReportView(req.ctx, d);
}

export default function reportRoutes(app: App) {
  app.get('/api/reports', { schema: { tags, querystring: ReportListQuery, response: { 200: listResponse(ReportListItem), ...errors } } }, async (req) => {
    authorize(reportPolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listReports(db, req.ctx.actor, filter, page, perPage);
    const items = await loadItems(db, rows.map((r) => r.report));
    return {
      data: rows.map((r) => ({ ...presentReport(r.report, r.unitName, items.get(itemKey(r.report.itemType, r.report.itemId))), evidence: r.files })),
      page: { page, perPage, total },
      policies: reportPolicy.routePolicies(req.ctx.actor),
    };
  });

  app.get('/api/reports/brief', { schema: { tags, querystring: ReportBriefQuery, response: { 200: itemResponse(ReportBrief), ...errors } } }, async (req) => {
    authorize(reportPolicy.route.read(req.ctx.actor));
    const brief = await reportBrief(req.ctx.database.db, req.query.itemType, req.query.itemId, unitsWhere(req.ctx.actor, 'liaison', 'unit_head'), req.ctx.lang, scopeOf(req.ctx.actor));
    if (!brief) throw notFound(req.query.itemType);
    return { data: brief, policies: reportPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/reports/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(ReportDetail), ...errors } } }, async (req) => {
    authorize(reportPolicy.route.read(req.ctx.actor));
    return reportView(req, req.params.id);
  });

  app.post('/api/reports', { config: { idempotent: true }, schema: { tags, body: ReportCreate, response: { 200: itemResponse(ReportDetail), ...errors } } }, async (req) => {
    authorize(reportPolicy.route.create(req.ctx.actor));
    const report = await createReport(req.ctx, req.body);
    return reportView(req, report.id);
  });

  app.patch('/api/reports/:id', { config: { idempotent: true }, schema: { tags, params: IdParams, body: ReportUpdate, response: { 200: itemResponse(ReportDetail), ...errors } } }, async (req) => {
    authorize(reportPolicy.route.update(req.ctx.actor));
    await updateReport(req.ctx, req.params.id, req.body);
    return reportView(req, req.params.id);
  });

  const steps = { submit: submitReport, approve: approveReport, review: reviewReport, accept: acceptReport } as const;
  for (const [action, command] of Object.entries(steps) as [keyof typeof steps, (typeof steps)[keyof typeof steps]][]) {
    app.post(
      `/api/reports/:id/${action}`,
      { config: { idempotent: true }, schema: { tags, params: IdParams, body: ReportStep.nullish(), response: { 200: itemResponse(ReportDetail), ...errors } } },
      async (req) => {
        authorize(reportPolicy.route[action](req.ctx.actor));
        return presentReportView(req.ctx, await command(req.ctx, req.params.id, req.body ?? {}));
      },
    );
  }

  app.post('/api/reports/:id/return', { config: { idempotent: true }, schema: { tags, params: IdParams, body: ReportReturn, response: { 200: itemResponse(ReportDetail), ...errors } } }, async (req) => {
    authorize(reportPolicy.route.return(req.ctx.actor));
    return presentReportView(req.ctx, await returnReport(req.ctx, req.params.id, req.body));
  });
}
