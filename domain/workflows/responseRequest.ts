import type { RequestStatus } from '../promises.js';
import type { Flow } from './flow.js';

export const REQUEST_ACTIONS = ['draft', 'send'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * 书面说明 as a unit's written answer goes out (like a report: the liaison drafts, the 一把手 signs):
 * the liaison or the head writes the answer (and amends it while it is a draft); only the head sends
 * it, which ends the request. The head may write and send at once.
 */
export const requestFlow: Flow<RequestStatus, RequestAction> = {
  requested: { draft: { to: 'drafted', by: ['liaison', 'unit_head'] }, send: { to: 'answered', by: ['unit_head'] } },
  drafted: { draft: { to: 'drafted', by: ['liaison', 'unit_head'] }, send: { to: 'answered', by: ['unit_head'] } },
};
