import type { ReportStatus } from '../work.js';
import type { Flow } from './flow.js';

export const REPORT_ACTIONS = ['submit', 'approve', 'review', 'accept', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * liaison drafts and submits → unit head approves → task force reviews → HQ office accepts;
 * any reviewer can return it with a reason, and the liaison fixes and resubmits.
 */
export const reportFlow: Flow<ReportStatus, ReportAction> = {
  draft: { submit: { to: 'submitted', by: ['liaison', 'unit_head'] } },
  returned: { submit: { to: 'submitted', by: ['liaison', 'unit_head'] } },
  submitted: { approve: { to: 'approved', by: ['unit_head'] }, return: { to: 'returned', by: ['unit_head'] } },
  approved: { review: { to: 'reviewed', by: ['task_force', 'hq_office'] }, return: { to: 'returned', by: ['task_force', 'hq_office'] } },
  reviewed: { accept: { to: 'accepted', by: ['hq_office'] }, return: { to: 'returned', by: ['hq_office'] } },
};

/** A report's content may change only while it is with the unit. */
export const reportEditable = (s: ReportStatus): boolean => s === 'draft' || s === 'returned';

/**
 * Whether a report may move up the chain given the unit's claim on its item: a task's report goes
 * up only while the unit's claim is approved (null: not a task, no claim needed). Returning it
 * stays open whatever the claim, so a reviewer can always hand it back.
 */
export const claimAllowsStep = (action: ReportAction, claimStatus: string | null): boolean =>
  action === 'return' || claimStatus === null || claimStatus === 'approved';
