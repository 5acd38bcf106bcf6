import type { RequestStatus } from '../../domain/promises.js';
import { REQUEST_ACTIONS, requestFlow, type RequestAction } from '../../domain/workflows/responseRequest.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { oversees } from './oversightCase.js';
import { definePolicy, flowRoles, mayStep, stepRules, type RouteRule } from './policy.js';
import { holdsUnitRole } from './report.js';

export interface RequestSubject {
  status: RequestStatus;
  /** The unit asked: its liaison drafts, its head sends. */
  unitId: string;
}

/**
 * 书面说明 as the unit meets it: ordinary routes, authorised by unit (its liaison or head reads and
 * drafts, its head sends). Nothing here knows of cases: the asking is `caseRequestPolicy`'s.
 */
export const responseRequestPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'liaison', 'unit_head'),
    ...(Object.fromEntries(REQUEST_ACTIONS.map((action) => [action, (a: Actor | null) => hasRole(a, ...flowRoles(requestFlow, action))])) as Record<RequestAction, RouteRule>),
  },
  row: stepRules(
    REQUEST_ACTIONS,
    mayStep(requestFlow, (a: Actor | null, s: RequestSubject, role) => holdsUnitRole(a, s.unitId, role)),
  ),
});

/** Asking a unit for a written response from a case, and reading the answers there: the oversight role's, on hidden routes. */
export const caseRequestPolicy = definePolicy({ route: { read: oversees, ask: oversees } });
