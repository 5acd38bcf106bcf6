import type { CaseStatus } from '../oversight.js';
import type { Flow } from './flow.js';

export const CASE_ACTIONS = ['verify', 'handle', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OVERSIGHT = ['oversight'] as const;

/**
 * 问题线索 to the end, all by the oversight role: a received case is taken up for verification
 * (初核), handled with a disposal (谈话提醒, 批评教育, 通报, 移送 …), and closed (办结).
 */
export const caseFlow: Flow<CaseStatus, CaseAction> = {
  received: { verify: { to: 'verifying', by: OVERSIGHT } },
  verifying: { handle: { to: 'handled', by: OVERSIGHT } },
  handled: { close: { to: 'closed', by: OVERSIGHT } },
};
