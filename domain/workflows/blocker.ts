import type { BlockerStatus } from '../schemas/blocker.js';
import type { Flow } from './flow.js';

export const BLOCKER_ACTIONS = ['escalate', 'resolve', 'instruct'] as const;
export type BlockerAction = (typeof BLOCKER_ACTIONS)[number];

/**
 * An open blocker goes up a level (task force, HQ office), is resolved (they, or the leader at the
 * leading group), or is sent back down with an instruction (批示, the leading group). The level it
 * sits at decides who of them handles it: the blocker policy's row tier.
 */
export const blockerFlow: Flow<BlockerStatus, BlockerAction> = {
  open: {
    escalate: { to: 'open', by: ['task_force', 'hq_office'] },
    resolve: { to: 'resolved', by: ['task_force', 'hq_office', 'leader'] },
    instruct: { to: 'open', by: ['hq_office', 'leader'] },
  },
};
