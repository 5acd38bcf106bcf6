import type { Message } from './message.js';

/** Refusals of written responses (书面说明) and promises (履约践诺). Merged into server/i18n.ts. */
export const PROMISE_MESSAGES = {
  response_step_invalid: {
    'zh-CN': '该书面说明当前为“{status}”，不能{action}：须按 起草→一把手签发 的顺序办理，签发后不能再改',
    'en-US': 'This response is {status}; it cannot be {action}: a draft is sent by the unit head, once',
  },
  response_not_unit: { 'zh-CN': '须由被要求说明的单位（{unit}）的联络员或一把手起草', 'en-US': 'The unit asked ({unit}), its liaison or head, writes the answer' },
  response_not_head: { 'zh-CN': '须由被要求说明的单位（{unit}）的一把手签发', 'en-US': 'The head of the unit asked ({unit}) sends the answer' },
  response_answer_missing: { 'zh-CN': '请先填写书面说明的内容', 'en-US': 'Write the answer first' },
  promise_deadline_past: { 'zh-CN': '承诺期限{deadline}已过，请改为今天或以后的日期', 'en-US': 'The promise’s deadline {deadline} has passed; choose today or later' },
  promise_step_invalid: {
    'zh-CN': '该承诺当前为“{status}”，不能{action}：承诺只能标记一次（已兑现或未兑现）',
    'en-US': 'This promise is {status}; it cannot be {action}: a promise is marked kept or broken once',
  },
  promise_not_unit: { 'zh-CN': '须由作出承诺的单位（{unit}）的联络员或一把手标记兑现', 'en-US': 'The promising unit ({unit}), its liaison or head, marks it kept' },
  promise_not_oversight: { 'zh-CN': '须由纪委监委认定承诺未兑现', 'en-US': 'The oversight role finds a promise broken' },
} as const satisfies Record<string, Message>;

/** Words used in those messages. */
export const PROMISE_WORDS = {
  response_request: { 'zh-CN': '书面说明', 'en-US': 'Written response' },
  promise: { 'zh-CN': '承诺事项', 'en-US': 'Promise' },
  request_status_requested: { 'zh-CN': '待说明', 'en-US': 'requested' },
  request_status_drafted: { 'zh-CN': '已起草，待签发', 'en-US': 'drafted, waiting for the head' },
  request_status_answered: { 'zh-CN': '已答复', 'en-US': 'answered' },
  request_action_draft: { 'zh-CN': '起草', 'en-US': 'drafted' },
  request_action_send: { 'zh-CN': '签发', 'en-US': 'sent' },
  promise_status_pending: { 'zh-CN': '履约中', 'en-US': 'pending' },
  promise_status_kept: { 'zh-CN': '已兑现', 'en-US': 'kept' },
  promise_status_broken: { 'zh-CN': '未兑现', 'en-US': 'broken' },
  promise_action_keep: { 'zh-CN': '标记兑现', 'en-US': 'marked kept' },
  promise_action_break: { 'zh-CN': '认定未兑现', 'en-US': 'found broken' },
} as const satisfies Record<string, Message>;
