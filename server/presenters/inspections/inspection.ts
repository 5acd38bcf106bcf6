import type { InspectionKind } from '../../../domain/ledger.js';
import type { Inspection } from '../../../domain/schemas/ledger.js';
import type { ItemType } from '../../../domain/work.js';
import type { InspectionView } from '../../models/inspections.js';

/** Every field of a campaign, listed. */
export function presentInspection(r: InspectionView): Inspection {
  return {
    id: r.id,
    kind: r.kind as InspectionKind,
    title: r.title,
    description: r.description,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    unitIds: r.unitIds,
    areaIds: r.areaIds,
    items: r.items.map((i, k) => ({ itemType: i.itemType as ItemType, itemId: i.itemId, title: r.itemTitles[k] ?? null })),
    inspectorIds: r.inspectorIds,
    inspectorNames: r.inspectorNames,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
