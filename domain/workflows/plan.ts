import type { PlanStatus } from '../work.js';
import type { Flow } from './flow.js';

export const PLAN_ACTIONS = ['submit', 'approve', 'publish', 'return'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** draft → under review (审议) → approved (leader, or the HQ office recording a meeting decision) → published. */
export const planFlow: Flow<PlanStatus, PlanAction> = {
  draft: { submit: { to: 'under_review', by: ['hq_office'] } },
  under_review: { approve: { to: 'approved', by: ['leader', 'hq_office'] }, return: { to: 'draft', by: ['leader', 'hq_office'] } },
  approved: { publish: { to: 'published', by: ['hq_office'] } },
};
