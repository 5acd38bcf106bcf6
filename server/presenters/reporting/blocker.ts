import type { BlockerCategory, BlockerLevel, BlockerStatus } from '../../../domain/schemas/blocker.js';
import type { ItemType } from '../../../domain/work.js';
import type { BlockerView } from '../../models/reporting.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every field of a blocker, listed. */
export function presentBlocker(v: BlockerView) {
  const b = v.blocker;
  return {
    id: b.id,
    itemType: b.itemType as ItemType,
    itemId: b.itemId,
    itemTitle: v.items.find((i) => i.itemId === b.itemId)?.title ?? null,
    reportId: b.reportId,
    unitId: b.unitId,
    unitName: v.unitName,
    title: b.title,
    detail: b.detail,
    level: b.level as BlockerLevel,
    status: b.status as BlockerStatus,
    raisedById: b.raisedById,
    raisedAt: b.raisedAt.toISOString(),
    resolvedAt: iso(b.resolvedAt),
    resolution: b.resolution,
    instruction: b.instruction,
    instructedAt: iso(b.instructedAt),
    decidedByName: v.decidedByName,
    category: b.category as BlockerCategory,
    helpAsked: b.helpAsked,
    levelSince: b.levelSince.toISOString(),
    resolverUnitId: b.resolverUnitId,
    resolverUnitName: v.resolverUnitName,
    dueDate: b.dueDate,
    assignNote: b.assignNote,
    verifiedAt: iso(b.verifiedAt),
    reopenCount: b.reopenCount,
    reopenReason: b.reopenReason,
    items: v.items.map((i) => ({ itemType: i.itemType as ItemType, itemId: i.itemId, title: i.title })),
    version: b.version,
  };
}
