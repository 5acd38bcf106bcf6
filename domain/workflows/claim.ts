import type { ClaimStatus } from '../work.js';
import type { Flow } from './flow.js';

export const CLAIM_ACTIONS = ['claim', 'approve', 'return'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** The unit states its measures (liaison or head) → the unit head approves, or returns it. */
export const claimFlow: Flow<ClaimStatus, ClaimAction> = {
  unclaimed: { claim: { to: 'submitted', by: ['liaison', 'unit_head'] } },
  returned: { claim: { to: 'submitted', by: ['liaison', 'unit_head'] } },
  submitted: { approve: { to: 'approved', by: ['unit_head'] }, return: { to: 'returned', by: ['unit_head'] } },
};
