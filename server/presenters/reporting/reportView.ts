import type { ReportStatus } from '../../../domain/work.js';
import { claimAllowsStep, REPORT_ACTIONS } from '../../../domain/workflows/report.js';
import type { Ctx } from '../../context.js';
import { reportPolicy } from '../../policies/report.js';
import { presentReportDetail } from './report.js';
import type { ReportDetailRow } from '../../models/reporting.js';

/** `{ data, policies }` for a report as the actor sees it: a step is offered only when the unit's claim lets it go up. */
export function presentReportView(ctx: Pick<Ctx, 'actor' | 'lang'>, d: ReportDetailRow) {
  const r = d.report;
  const policies = reportPolicy.rowPolicies(ctx.actor, { status: r.status as ReportStatus, unitId: r.unitId, taskForceId: d.item?.taskForceId ?? null });
  for (const action of REPORT_ACTIONS) policies[action] &&= claimAllowsStep(action, d.claimStatus);
  return { data: { ...presentReportDetail(r, d.unitName, d.item, d.parts, ctx.lang), claimStatus: d.claimStatus }, policies };
}
