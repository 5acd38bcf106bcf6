import type { BlockerLevel, BlockerStatus } from '../../../domain/schemas/blocker.js';
import type { ItemType } from '../../../domain/work.js';
import type { blockers } from '../../db/schema/index.js';

/** Every field of a blocker, listed. */
export function presentBlocker(b: typeof blockers.$inferSelect, unitName: string | null, itemTitle: string | null, decidedByName: string | null = null) {
  return {
    id: b.id,
    itemType: b.itemType as ItemType,
    itemId: b.itemId,
    itemTitle,
    reportId: b.reportId,
    unitId: b.unitId,
    unitName,
    title: b.title,
    detail: b.detail,
    level: b.level as BlockerLevel,
    status: b.status as BlockerStatus,
    raisedById: b.raisedById,
    raisedAt: b.raisedAt.toISOString(),
    resolvedAt: b.resolvedAt ? b.resolvedAt.toISOString() : null,
    resolution: b.resolution,
    instruction: b.instruction,
    instructedAt: b.instructedAt ? b.instructedAt.toISOString() : null,
    decidedByName,
    version: b.version,
  };
}
