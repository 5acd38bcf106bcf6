import type { Role } from '../../domain/enums.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { unitsWhere } from './report.js';

/** Roles that read every campaign and every ledger entry: they run, lead, inspect, oversee or assess the program. */
export const SEE_ALL_INSPECTIONS: readonly Role[] = ['inspector', 'hq_office', 'leader', 'oversight', 'assessor'];
/** Who plans and edits campaigns. */
const RUNS_INSPECTIONS: readonly Role[] = ['inspector', 'hq_office'];

export interface InspectionSubject {
  unitIds: readonly string[];
  /** Another region's campaign, read here only because its scope names units here: only its own region edits it. */
  fromAbove?: boolean;
}

/**
 * 督查 campaigns: inspectors and the HQ office make and edit them; the program's overseers read
 * them all; a unit's liaison or head reads those whose scope includes its unit (it is being inspected).
 */
export const inspectionPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_INSPECTIONS, 'liaison', 'unit_head'),
    create: (a) => hasRole(a, ...RUNS_INSPECTIONS),
    update: (a) => hasRole(a, ...RUNS_INSPECTIONS),
  },
  row: {
    read: (a: Actor | null, s: InspectionSubject) => hasRole(a, ...SEE_ALL_INSPECTIONS) || unitsWhere(a, 'liaison', 'unit_head').some((u) => s.unitIds.includes(u)),
    update: (a: Actor | null, s: InspectionSubject) => hasRole(a, ...RUNS_INSPECTIONS) && !s.fromAbove,
  },
});
