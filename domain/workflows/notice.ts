import type { NoticeStatus } from '../notices.js';
import type { Flow } from './flow.js';

export const NOTICE_ACTIONS = ['acknowledge'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** 催办单/督办单: sent to the unit, whose liaison or head acknowledges receipt once. */
export const noticeFlow: Flow<NoticeStatus, NoticeAction> = {
  sent: { acknowledge: { to: 'acknowledged', by: ['liaison', 'unit_head'] } },
};
