import type { Lang } from '../../../domain/enums.js';
import { safeFileName } from '../../../domain/fileName.js';
import type { ReportAction } from '../../../domain/workflows/report.js';
import type { ItemType, ProjectStage, ReportStatus } from '../../../domain/work.js';
import type { reports, reportSteps } from '../../db/schema/index.js';
import { itemKey } from '../../../domain/work.js';
import type { ItemInfo } from '../../models/reporting.js';
import type { ReportParts } from '../../models/reporting.js';
import { presentBlocker } from './blocker.js';
import { presentLight, presentWorkItem } from './light.js';

type ReportRow = typeof reports.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every field of a report, listed (nothing internal leaks). */
export function presentReport(r: ReportRow, unitName: string | null, item: ItemInfo | undefined) {
  return {
    id: r.id,
    itemType: r.itemType as ItemType,
    itemId: r.itemId,
    itemCode: item?.code ?? null,
    itemTitle: item?.title ?? null,
    unitId: r.unitId,
    unitName,
    period: r.period,
    dueDate: r.dueDate,
    status: r.status as ReportStatus,
    text: r.text,
    percent: r.percent,
    actual: r.actual,
    investment: r.investment,
    stage: r.stage as ProjectStage | null,
    late: r.late,
    returnReason: r.returnReason,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    approvedAt: iso(r.approvedAt),
    reviewedAt: iso(r.reviewedAt),
    acceptedAt: iso(r.acceptedAt),
    returnedAt: iso(r.returnedAt),
    version: r.version,
  };
}

export function presentStep(s: typeof reportSteps.$inferSelect, actorName: string | null) {
  return {
    id: s.id,
    action: s.action as ReportAction,
    fromStatus: s.fromStatus as ReportStatus,
    toStatus: s.toStatus as ReportStatus,
    actorId: s.actorId,
    actorName,
    reason: s.reason,
    at: s.at.toISOString(),
  };
}

/** The item's light and reasons beside the report, in the request's language. */
export const presentItemLight = (item: ItemInfo | undefined, lang: Lang) => (item ? presentLight(item.light, item.lightReasons, lang) : null);

/** A report as a workbench line: the item with its light, and where the report stands. */
export function presentReportLine(r: ReportRow, unitName: string | null, items: Map<string, ItemInfo>, lang: Lang) {
  const item = items.get(itemKey(r.itemType, r.itemId));
  const base = item
    ? presentWorkItem(item, lang, r.dueDate)
    : { itemType: r.itemType as ItemType, itemId: r.itemId, code: '', title: '', ...presentLight('not_started', [], lang), due: r.dueDate };
  return {
    ...base,
    reportId: r.id,
    unitId: r.unitId,
    unitName,
    period: r.period,
    status: r.status as ReportStatus,
    late: r.late,
    returnReason: r.returnReason,
    submittedAt: iso(r.submittedAt),
  };
}

/** A report with its timed history, evidence, blockers and the item's light. */
export function presentReportDetail(r: ReportRow, unitName: string | null, item: ItemInfo | undefined, parts: ReportParts, lang: Lang) {
  return {
    ...presentReport(r, unitName, item),
    steps: parts.steps.map((s) => presentStep(s.step, s.actorName)),
    evidence: parts.files.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime, name: safeFileName(f.name) })),
    blockers: parts.raised.map((b) =>
      presentBlocker({ ...b, items: [{ itemType: b.blocker.itemType, itemId: b.blocker.itemId, title: item?.title ?? null }] }),
    ),
    item: presentItemLight(item, lang),
  };
}
