import type { CaseStatus } from '../../domain/oversight.js';
import { CASE_ACTIONS, caseFlow, type CaseAction } from '../../domain/workflows/oversightCase.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep, stepRules, type RouteRule } from './policy.js';

export interface CaseSubject {
  status: CaseStatus;
}

/** The oversight role (纪委监委) and nobody else: not an admin, not a leader, not the auditor. */
export const oversees = (a: Actor | null): boolean => hasRole(a, 'oversight');

/**
 * 问题线索: the oversight role reads, opens, annotates and moves cases; for everyone else they do not
 * exist (the routes answer as a missing route: `server/routes/oversight/hidden.ts`).
 */
export const oversightCasePolicy = definePolicy({
  route: {
    read: oversees,
    create: oversees,
    note: oversees,
    ...(Object.fromEntries(CASE_ACTIONS.map((action) => [action, (a: Actor | null) => hasRole(a, ...flowRoles(caseFlow, action))])) as Record<CaseAction, RouteRule>),
  },
  row: {
    ...stepRules(
      CASE_ACTIONS,
      mayStep(caseFlow, (a: Actor | null, _s: CaseSubject, role) => hasRole(a, role)),
    ),
    note: (a: Actor | null) => oversees(a),
  },
});
