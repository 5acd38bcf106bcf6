import type { InspectionKind } from '../../../domain/ledger.js';
import type { Inspection } from '../../../domain/schemas/ledger.js';
import type { InspectionRow } from '../../models/inspections.js';

/** Every field of a campaign, listed. */
export function presentInspection(r: InspectionRow): Inspection {
  return {
    id: r.id,
    kind: r.kind as InspectionKind,
    title: r.title,
    description: r.description,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    unitIds: r.unitIds,
    areaIds: r.areaIds,
    inspectorIds: r.inspectorIds,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
