import type { Message } from './message.js';

/** Refusals of programs, plans, targets, tasks, claims and projects, each saying why. Merged into server/i18n.ts. */
export const PLANNING_MESSAGES = {
  plan_step_invalid: {
    'zh-CN': '方案当前为“{status}”，不能{action}：须按 提交审议→批准→印发 的顺序办理',
    'en-US': 'The plan is {status}; it cannot be {action}: steps go submit for review → approve → publish',
  },
  plan_not_draft: { 'zh-CN': '方案当前为“{status}”，只有草稿可以修改；请先退回', 'en-US': 'The plan is {status}; only a draft can be edited, so return it first' },
  claim_step_invalid: {
    'zh-CN': '认领当前为“{status}”，不能{action}：须按 认领→一把手审核 的顺序办理',
    'en-US': 'The claim is {status}; it cannot be {action}: the unit claims, then its head approves',
  },
  year_out_of_range: { 'zh-CN': '{field}：年份须在三年行动期 {from}—{to} 年内', 'en-US': '{field}: the year must fall within the program, {from}–{to}' },
  target_period_invalid: {
    'zh-CN': '{field}：期次“{period}”不符合该指标的报送周期或目标年份',
    'en-US': '{field}: period "{period}" does not match the target’s reporting period or goal years',
  },
  target_period_locked: {
    'zh-CN': '{field}：该指标已有实际值或录入的计划值，不能更改报送周期',
    'en-US': '{field}: the target has actuals or entered points, so its reporting period cannot change',
  },
  unit_twice: { 'zh-CN': '{field}：牵头单位不能同时作为配合单位', 'en-US': '{field}: the lead unit cannot also be a supporting unit' },
  deadline_required: { 'zh-CN': '{field}：该期限类型须填写此项', 'en-US': '{field}: this kind of deadline needs it' },
  deadline_order: { 'zh-CN': '{field}：截止日期不能早于开始日期', 'en-US': '{field}: the deadline cannot be before the start date' },
  task_not_assigned: { 'zh-CN': '{field}：该单位未承担此任务', 'en-US': '{field}: this unit is not assigned to the task' },
  stage_backwards: { 'zh-CN': '{field}：项目阶段只能向前推进，不能从“{from}”退回“{to}”', 'en-US': '{field}: a project’s stage only moves forward, not from {from} back to {to}' },
  plan_exceeds_total: {
    'zh-CN': '{field}：年度计划投资合计 {sum} 万元，超过总投资 {total} 万元',
    'en-US': '{field}: yearly planned investment adds up to {sum} (10k yuan), more than the total {total}',
  },
} as const satisfies Record<string, Message>;

/** Words used in those messages and in "not found". */
export const PLANNING_WORDS = {
  program: { 'zh-CN': '三年行动', 'en-US': 'Program' },
  area: { 'zh-CN': '重点领域', 'en-US': 'Area' },
  plan: { 'zh-CN': '方案', 'en-US': 'Plan' },
  milestone: { 'zh-CN': '节点', 'en-US': 'Milestone' },
  plan_status_draft: { 'zh-CN': '草稿', 'en-US': 'a draft' },
  plan_status_under_review: { 'zh-CN': '审议中', 'en-US': 'under review' },
  plan_status_approved: { 'zh-CN': '已批准', 'en-US': 'approved' },
  plan_status_published: { 'zh-CN': '已印发', 'en-US': 'published' },
  plan_action_submit: { 'zh-CN': '提交审议', 'en-US': 'submitted for review' },
  plan_action_approve: { 'zh-CN': '批准', 'en-US': 'approved' },
  plan_action_publish: { 'zh-CN': '印发', 'en-US': 'published' },
  plan_action_return: { 'zh-CN': '退回', 'en-US': 'returned' },
  claim_status_unclaimed: { 'zh-CN': '未认领', 'en-US': 'not claimed' },
  claim_status_submitted: { 'zh-CN': '已认领待审核', 'en-US': 'waiting for the head’s approval' },
  claim_status_approved: { 'zh-CN': '已审核', 'en-US': 'approved' },
  claim_status_returned: { 'zh-CN': '已退回', 'en-US': 'returned' },
  claim_action_claim: { 'zh-CN': '认领', 'en-US': 'claimed' },
  claim_action_approve: { 'zh-CN': '审核通过', 'en-US': 'approved' },
  claim_action_return: { 'zh-CN': '退回', 'en-US': 'returned' },
  stage_planning: { 'zh-CN': '谋划', 'en-US': 'planning' },
  stage_signed: { 'zh-CN': '签约', 'en-US': 'signed' },
  stage_started: { 'zh-CN': '开工', 'en-US': 'started' },
  stage_building: { 'zh-CN': '在建', 'en-US': 'building' },
  stage_operating: { 'zh-CN': '投产', 'en-US': 'operating' },
} as const satisfies Record<string, Message>;
