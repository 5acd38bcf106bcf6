import type { Message } from './message.js';

/** Refusals of oversight cases, said only to the oversight role (others never reach them). Merged into server/i18n.ts. */
export const OVERSIGHT_MESSAGES = {
  case_step_invalid: {
    'zh-CN': '该问题线索当前为“{status}”，不能{action}：须按 受理→初核→处置→办结 的顺序办理',
    'en-US': 'This case is {status}; it cannot be {action}: cases go received → verifying → handled → closed',
  },
  case_not_complaint: {
    'zh-CN': '该问题线索不是来自营商环境投诉，无需公开答复',
    'en-US': 'This case did not come from a public complaint; there is nobody to reply to publicly',
  },
} as const satisfies Record<string, Message>;

/** Words used in those messages. */
export const OVERSIGHT_WORDS = {
  oversight_case: { 'zh-CN': '问题线索', 'en-US': 'Oversight case' },
  case_status_received: { 'zh-CN': '已受理', 'en-US': 'received' },
  case_status_verifying: { 'zh-CN': '初核中', 'en-US': 'being verified' },
  case_status_handled: { 'zh-CN': '已处置', 'en-US': 'handled' },
  case_status_closed: { 'zh-CN': '已办结', 'en-US': 'closed' },
  case_action_verify: { 'zh-CN': '转入初核', 'en-US': 'taken up for verification' },
  case_action_handle: { 'zh-CN': '处置', 'en-US': 'handled' },
  case_action_close: { 'zh-CN': '办结', 'en-US': 'closed' },
  complaint: { 'zh-CN': '投诉', 'en-US': 'Complaint' },
  complaint_file: { 'zh-CN': '投诉附件', 'en-US': 'Complaint attachment' },
  oversight_source_ledger: { 'zh-CN': '督查台账问题', 'en-US': 'ledger entry' },
} as const satisfies Record<string, Message>;
