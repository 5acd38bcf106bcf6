import type { Message } from './message.js';

/** Refusals of dispatch orders (调度令), each saying why and who may act. Merged into server/i18n.ts. */
export const DISPATCH_MESSAGES = {
  dispatch_step_invalid: {
    'zh-CN': '调度令当前为“{status}”，不能{action}：须按 起草→下发→办结 的顺序办理',
    'en-US': 'The order is {status}; it cannot be {action}: orders go draft → sent → closed',
  },
  dispatch_not_draft: { 'zh-CN': '调度令已下发（{status}），不能再修改', 'en-US': 'The order has been sent ({status}); it can no longer be edited' },
  dispatch_closed: { 'zh-CN': '调度令已办结，不再接收答复', 'en-US': 'The order is closed: it takes no more replies' },
  dispatch_not_sent: { 'zh-CN': '调度令尚未下发，不能答复', 'en-US': 'The order has not been sent yet; it cannot be replied to' },
  dispatch_not_recipient: {
    'zh-CN': '该调度令未发往{unit}，须由受令单位（{units}）的联络员或一把手答复',
    'en-US': 'The order was not sent to {unit}: the liaison or head of a recipient unit ({units}) replies',
  },
  dispatch_reply_unit: { 'zh-CN': '此答复须由{unit}的联络员或一把手填报', 'en-US': 'This reply is for the liaison or head of {unit}' },
  dispatch_nothing_to_chase: { 'zh-CN': '受令单位均已答复，无需催办', 'en-US': 'Every unit has replied: there is nobody to chase' },
  dispatch_deadline_past: { 'zh-CN': '答复期限{deadline}已过，请改为今天或以后的工作日', 'en-US': 'The deadline {deadline} has passed; choose today or a later workday' },
  dispatch_deadline_rest_day: { 'zh-CN': '答复期限{deadline}不是工作日，可改为{next}', 'en-US': 'The deadline {deadline} is not a workday; {next} is' },
  dispatch_figures_invalid: { 'zh-CN': '报送数据有误：{detail}', 'en-US': 'The figures are wrong: {detail}' },
  dispatch_columns_kind: { 'zh-CN': '数据报送类调度令须定义报送数据项，其他类型不需要', 'en-US': 'A figures order needs its figure columns; other kinds have none' },
  dispatch_answer_required: { 'zh-CN': '请填写答复内容', 'en-US': 'Write the answer' },
  dispatch_unit_unknown: { 'zh-CN': '受令单位不存在：{count} 个', 'en-US': '{count|# recipient unit does|# recipient units do} not exist' },
  instruction_subject_unknown: { 'zh-CN': '批示对象（{type}）不存在', 'en-US': 'There is no such {type} to instruct on' },
  instruction_no_units: { 'zh-CN': '请选择答复单位：该事项尚无责任单位', 'en-US': 'Choose the units to reply: this has no responsible unit yet' },
} as const satisfies Record<string, Message>;

/** Words used in those messages. */
export const DISPATCH_WORDS = {
  dispatch: { 'zh-CN': '调度令', 'en-US': 'Dispatch order' },
  dispatch_status_draft: { 'zh-CN': '草稿', 'en-US': 'a draft' },
  dispatch_status_sent: { 'zh-CN': '已下发', 'en-US': 'sent' },
  dispatch_status_closed: { 'zh-CN': '已办结', 'en-US': 'closed' },
  dispatch_action_send: { 'zh-CN': '下发', 'en-US': 'sent' },
  dispatch_action_chase: { 'zh-CN': '催办', 'en-US': 'chased' },
  dispatch_action_close: { 'zh-CN': '办结', 'en-US': 'closed' },
  instruction_subject_report: { 'zh-CN': '报送', 'en-US': 'report' },
  instruction_subject_blocker: { 'zh-CN': '堵点', 'en-US': 'blocker' },
  instruction_subject_task: { 'zh-CN': '任务', 'en-US': 'task' },
  instruction_subject_target: { 'zh-CN': '目标指标', 'en-US': 'target' },
  instruction_subject_project: { 'zh-CN': '重点项目', 'en-US': 'project' },
  instruction_subject_decision: { 'zh-CN': '会议议定事项', 'en-US': 'meeting decision' },
  figure_required: { 'zh-CN': '未填写', 'en-US': 'missing' },
  figure_decimal: { 'zh-CN': '须为数字，最多四位小数', 'en-US': 'must be a number with at most four decimals' },
  figure_unknown: { 'zh-CN': '不是本调度令的数据项', 'en-US': 'is not a column of this order' },
} as const satisfies Record<string, Message>;
