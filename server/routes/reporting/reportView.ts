import type { FastifyRequest } from 'fastify';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import { notFound } from '../../errors.js';
import { evaluateReport } from '../../policies/report.js';
import { presentReportDetail } from '../../presenters/reporting/report.js';
import { loadItem } from '../../queries/reporting/items.js';
import { findVisibleReport, reportParts } from '../../queries/reporting/reports.js';

/** `{ data, policies }` for one report as the requester sees it (404 when out of their scope). */
export async function reportView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const row = await findVisibleReport(db, req.ctx.actor, id);
  if (!row) throw notFound('report');
  const r = row.report;
  const [item, parts] = await Promise.all([loadItem(db, r.itemType as ItemType, r.itemId), reportParts(db, id)]);
  return {
    data: presentReportDetail(r, row.unitName, item, parts, req.ctx.lang),
    policies: evaluateReport(req.ctx.actor, { status: r.status as ReportStatus, unitId: r.unitId, taskForceId: item?.taskForceId ?? null }),
  };
}
