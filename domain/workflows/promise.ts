import type { PromiseStatus } from '../promises.js';
import type { Flow } from './flow.js';

export const PROMISE_ACTIONS = ['keep', 'break'] as const;
export type PromiseAction = (typeof PROMISE_ACTIONS)[number];

/**
 * 履约践诺: the promising unit (liaison or head) marks a promise kept, with evidence; the oversight
 * role finds one broken. Both end it; a late promise is still pending (overdue is shown, not stored).
 */
export const promiseFlow: Flow<PromiseStatus, PromiseAction> = {
  pending: { keep: { to: 'kept', by: ['liaison', 'unit_head'] }, break: { to: 'broken', by: ['oversight'] } },
};
