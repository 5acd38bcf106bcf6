import type { Lang } from '../../../domain/enums.js';
import type { ClaimStatus, TaskUnitRole } from '../../../domain/work.js';
import type { reports } from '../../db/schema/index.js';
import type { ItemInfo } from '../../models/reporting.js';
import type { UnitWorkbench } from '../../models/reporting.js';
import { presentWorkItem } from './light.js';
import { presentReportLine } from './report.js';

type ReportRow = typeof reports.$inferSelect;

/** Report lines with their items' lights and their units' names. */
export const presentReportLines = (rows: ReportRow[], items: Map<string, ItemInfo>, units: Map<string, string>, lang: Lang) =>
  rows.map((r) => presentReportLine(r, units.get(r.unitId) ?? null, items, lang));

/** A unit's "my work": every line with its light and reasons in the request's language. */
export function presentUnitWorkbench(
  unitId: string,
  unitName: string | null,
  w: UnitWorkbench,
  items: Map<string, ItemInfo>,
  lang: Lang,
) {
  const claim = (c: (typeof w.toClaim)[number] | (typeof w.claimsToApprove)[number]) => ({
    ...presentWorkItem(c.item, lang),
    role: c.role as TaskUnitRole,
    claimStatus: c.claimStatus as ClaimStatus,
    returnReason: c.returnReason,
    claimDue: c.claim?.due ?? null,
    claimLateWorkdays: c.claim ? Math.max(0, c.claim.lateWorkdays) : null,
  });
  return {
    unitId,
    unitName,
    toClaim: w.toClaim.map(claim),
    claimsToApprove: w.claimsToApprove.map(claim),
    toReport: w.toReport.map((t) => ({ ...presentWorkItem(t.item, lang, t.dueDate), period: t.period })),
    returned: presentReportLines(w.returned, items, new Map([[unitId, unitName ?? '']]), lang),
    dueSoon: w.dueSoon.map((i) => presentWorkItem(i, lang)),
    overdue: w.overdue.map((i) => presentWorkItem(i, lang)),
    counts: w.counts,
  };
}
