import type { FastifyRequest } from 'fastify';
import type { ReportStatus } from '../../../domain/work.js';
import { claimAllowsStep, REPORT_ACTIONS } from '../../../domain/workflows/report.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { reportPolicy } from '../../policies/report.js';
import { presentReportDetail } from '../../presenters/reporting/report.js';
import { loadReportDetail, type ReportDetailRow } from '../../queries/reporting/reports.js';

/** `{ data, policies }` for a report as the actor sees it. */
export function presentReportView(ctx: Pick<Ctx, 'actor' | 'lang'>, d: ReportDetailRow) {
  const r = d.report;
  const policies = reportPolicy.rowPolicies(ctx.actor, { status: r.status as ReportStatus, unitId: r.unitId, taskForceId: d.item?.taskForceId ?? null });
  for (const action of REPORT_ACTIONS) policies[action] &&= claimAllowsStep(action, d.claimStatus);
  return { data: { ...presentReportDetail(r, d.unitName, d.item, d.parts, ctx.lang), claimStatus: d.claimStatus }, policies };
}

/** `{ data, policies }` for one report as the requester sees it (404 when out of their scope). */
export async function reportView(req: FastifyRequest, id: string) {
  const d = await loadReportDetail(req.ctx.database.db, req.ctx.actor, id);
  if (!d) throw notFound('report');
  return presentReportView(req.ctx, d);
}
