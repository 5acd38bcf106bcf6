import type { Role } from '../../domain/enums.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { holdsUnitRole, unitsWhere } from './report.js';

export type ResultStatus = 'computed' | 'published' | 'superseded';

/** What the row tier looks at: a result's status and, for a breakdown, the unit it is about. */
export interface AssessmentSubject {
  status: ResultStatus;
  unitId: string | null;
}

/** Who reads every published result (the assessor reads computed ones too). */
export const SEE_ALL_RESULTS: readonly Role[] = ['assessor', 'leader', 'hq_office'];
const UNIT: readonly Role[] = ['liaison', 'unit_head'];
const assesses = (a: Actor | null) => hasRole(a, 'assessor');
/** The units whose own breakdowns and appeals the actor handles. */
export const appealUnits = (a: Actor | null): string[] => unitsWhere(a, ...UNIT);

/**
 * 考核: the assessor writes schemes, enters evaluations and 加分/扣分, computes, publishes and decides
 * appeals; leaders and the HQ office read every published result; a unit's liaison or head reads
 * only its own breakdown of a published result and appeals it. A result not yet published is the
 * assessor's alone.
 */
export const assessmentPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_RESULTS),
    manage: assesses,
    breakdown: (a) => hasRole(a, ...SEE_ALL_RESULTS, ...UNIT),
    mine: (a) => hasRole(a, ...UNIT),
    appeal: (a) => hasRole(a, ...UNIT),
    appeals: (a) => hasRole(a, 'assessor', ...UNIT),
    decide: assesses,
  },
  row: {
    read: (a: Actor | null, s: AssessmentSubject) =>
      assesses(a) || (s.status !== 'computed' && (hasRole(a, ...SEE_ALL_RESULTS) || (s.unitId !== null && holdsUnitRole(a, s.unitId, ...UNIT)))),
    publish: (a: Actor | null, s: AssessmentSubject) => assesses(a) && s.status === 'computed',
    appeal: (a: Actor | null, s: AssessmentSubject) => s.status === 'published' && s.unitId !== null && holdsUnitRole(a, s.unitId, ...UNIT),
  },
});
