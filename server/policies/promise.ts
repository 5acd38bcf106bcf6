import type { Role } from '../../domain/enums.js';
import type { PromiseStatus } from '../../domain/promises.js';
import { PROMISE_ACTIONS, promiseFlow, type PromiseAction } from '../../domain/workflows/promise.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep, stepRules, type RouteRule } from './policy.js';
import { holdsUnitRole } from './report.js';

/**
 * Who reads the whole 履约践诺 ledger: the oversight role (it asks and finds promises broken), the
 * HQ office (it runs the program and chases units) and the leader (红绿 counts and the list). A
 * unit reads its own promises. Promises say nothing of a case, so reading them reveals none.
 */
export const SEE_ALL_PROMISES: readonly Role[] = ['oversight', 'hq_office', 'leader'];

export interface PromiseSubject {
  status: PromiseStatus;
  unitId: string;
}

export const promisePolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_PROMISES, 'liaison', 'unit_head'),
    ...(Object.fromEntries(PROMISE_ACTIONS.map((action) => [action, (a: Actor | null) => hasRole(a, ...flowRoles(promiseFlow, action))])) as Record<PromiseAction, RouteRule>),
  },
  // The unit's roles count for its own promises; oversight for any.
  row: stepRules(
    PROMISE_ACTIONS,
    mayStep(promiseFlow, (a: Actor | null, s: PromiseSubject, role) => (role === 'oversight' ? hasRole(a, role) : holdsUnitRole(a, s.unitId, role))),
  ),
});
