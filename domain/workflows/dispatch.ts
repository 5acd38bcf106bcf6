import type { DispatchStatus, RecipientStatus } from '../dispatch.js';
import type { Flow } from './flow.js';

export const DISPATCH_ACTIONS = ['send', 'chase', 'close'] as const;
export type DispatchAction = (typeof DISPATCH_ACTIONS)[number];

/**
 * 调度令: the HQ office drafts it, sends it, chases (催办) the units that have not replied while it is
 * out, and closes it. A closed order takes no more replies.
 */
export const dispatchFlow: Flow<DispatchStatus, DispatchAction> = {
  draft: { send: { to: 'sent', by: ['hq_office'] } },
  sent: { chase: { to: 'sent', by: ['hq_office'] }, close: { to: 'closed', by: ['hq_office'] } },
};

export const REPLY_ACTIONS = ['reply'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

/**
 * A recipient unit's reply, given by its liaison or head. A reply may be amended (replied → replied)
 * as long as the order is open: the deadline does not stop it (a late reply is still what the office
 * wants, and is marked late); closing does (the dispatch workflow's state rule).
 */
export const replyFlow: Flow<RecipientStatus, ReplyAction> = {
  pending: { reply: { to: 'replied', by: ['liaison', 'unit_head'] } },
  replied: { reply: { to: 'replied', by: ['liaison', 'unit_head'] } },
};
