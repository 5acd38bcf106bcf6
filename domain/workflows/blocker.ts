import type { BlockerStatus } from '../schemas/blocker.js';
import type { Flow } from './flow.js';

export const BLOCKER_ACTIONS = ['escalate', 'assign', 'decide', 'return', 'resolve', 'verify', 'reopen'] as const;
export type BlockerAction = (typeof BLOCKER_ACTIONS)[number];

const HOLDERS = ['task_force', 'hq_office', 'leader'] as const;
/** The leader holds blockers only at the top, where there is nowhere higher to take them. */
const ESCALATORS = ['task_force', 'hq_office'] as const;
const UNIT = ['liaison', 'unit_head'] as const;

/**
 * 堵点 to the end. At its level the holder (the plan's task force, the HQ office, the leader at the
 * leading group: the blocker policy's row tier) escalates it, gives it to a resolver unit with a due
 * date (交办), decides it, or sends it back down with an instruction (批示). The resolver unit says
 * how it solved it; the raising unit verifies the resolution or reopens it. The raising unit may
 * also take it up from unit level by hand, and the midnight job escalates what waits too long.
 */
export const blockerFlow: Flow<BlockerStatus, BlockerAction> = {
  open: {
    escalate: { to: 'open', by: [...ESCALATORS, ...UNIT] },
    assign: { to: 'assigned', by: HOLDERS },
    decide: { to: 'resolved', by: HOLDERS },
    return: { to: 'open', by: HOLDERS },
  },
  assigned: {
    escalate: { to: 'open', by: ESCALATORS },
    assign: { to: 'assigned', by: HOLDERS },
    decide: { to: 'resolved', by: HOLDERS },
    resolve: { to: 'resolved', by: UNIT },
  },
  resolved: {
    verify: { to: 'closed', by: UNIT },
    reopen: { to: 'open', by: UNIT },
  },
};
