import type { Message } from './message.js';

/** Refusals about meetings and field visits, each saying why and who may act. Merged into server/i18n.ts. */
export const MEETING_MESSAGES = {
  meeting_closed: {
    'zh-CN': '会议纪要已印发，会议已结束，不能再修改议程、审议结果或议定事项；如需补充，请由组织单位另行召开会议或下发调度令',
    'en-US': 'The minutes have been issued and the meeting is closed: its agenda, outcomes and decisions no longer change; the organiser may hold another meeting or send an order',
  },
  meeting_run_by_office: { 'zh-CN': '该会议由指挥部办公室组织，只有指挥部办公室可以办理', 'en-US': 'The HQ office runs this meeting: only the HQ office may act on it' },
  meeting_run_by_task_force: {
    'zh-CN': '该会议由{body}组织，只有{body}或指挥部办公室可以办理',
    'en-US': '{body} runs this meeting: only {body} or the HQ office may act on it',
  },
  meeting_step_invalid: { 'zh-CN': '会议当前为“{status}”，不能{action}', 'en-US': 'The meeting is {status}; it cannot be {action}' },
  meeting_body_unknown: { 'zh-CN': '专项推进组不存在', 'en-US': 'There is no such task force' },
  meeting_body_not_yours: {
    'zh-CN': '只能组织本专项推进组的会议；领导小组会议和指挥部调度会由指挥部办公室组织',
    'en-US': 'You may only hold your own task force’s meetings; the HQ office holds the leading group’s and the HQ’s',
  },
  meeting_kind_not_yours: {
    'zh-CN': '领导小组会议和指挥部调度会由指挥部办公室组织',
    'en-US': 'The HQ office holds the leading group’s and the HQ’s meetings',
  },
  meeting_unit_unknown: { 'zh-CN': '参会单位不存在：{count} 个', 'en-US': '{count|# attending unit does|# attending units do} not exist' },
  agenda_review_leading_group: {
    'zh-CN': '审议实施方案是领导小组会议的议程，请在领导小组会议上审议',
    'en-US': 'Reviewing a plan is the leading group’s business: put it on a leading-group meeting',
  },
  agenda_plan_unknown: { 'zh-CN': '审议的实施方案不存在', 'en-US': 'There is no such plan to review' },
  agenda_plan_not_under_review: {
    'zh-CN': '该方案当前为“{status}”，只有提交审议的方案可以上会审议；请先由指挥部办公室提交审议',
    'en-US': 'The plan is {status}: only a plan submitted for review can be reviewed; the HQ office submits it first',
  },
  agenda_hearing_unknown: { 'zh-CN': '汇报单位或专项推进组不存在', 'en-US': 'There is no such unit or task force to hear' },
  agenda_hearing_other_task_force: {
    'zh-CN': '专项推进组会议只能听取本组的汇报；听取其他专项推进组的汇报须在指挥部或领导小组会议上进行',
    'en-US': 'A task-force meeting hears its own task force only; another task force reports to the HQ’s or the leading group’s meeting',
  },
  agenda_hearing_nothing: {
    'zh-CN': '{name}在{scope}没有任务、指标或项目，无可汇报的推进情况',
    'en-US': '{name} has no task, target or project {scope}: there is no status to hear',
  },
  agenda_not_review: { 'zh-CN': '只有审议议题有审议结果', 'en-US': 'Only a review item has an outcome' },
  agenda_not_hearing: { 'zh-CN': '只有听取汇报议题有推进情况快照', 'en-US': 'Only a hearing has a status snapshot' },
  agenda_outcome_recorded: { 'zh-CN': '该议题已有审议结果（{outcome}），不能再改', 'en-US': 'This review already has its outcome ({outcome})' },
  agenda_too_many: { 'zh-CN': '一次会议最多{max}个议题', 'en-US': 'A meeting has at most {max} agenda items' },
  visit_body_unknown: { 'zh-CN': '专项推进组不存在', 'en-US': 'There is no such task force' },
  visit_body_not_yours: {
    'zh-CN': '只能记录和办理本专项推进组的调研；其他专项推进组的调研由该组或指挥部办公室办理',
    'en-US': 'You may log and act on your own task force’s visits only; another task force’s are for it or the HQ office',
  },
  visit_item_other_task_force: {
    'zh-CN': '该事项不属于本专项推进组，请转为督办事项交相关单位，或由指挥部办公室转为堵点',
    'en-US': 'That item is not your task force’s: follow it up with its units, or the HQ office raises the blocker',
  },
  visit_photo_not_image: { 'zh-CN': '“{name}”不是照片：现场照片须为图片（JPG、PNG、WebP）', 'en-US': '"{name}" is not a photo: a visit\'s photos are images (JPG, PNG, WebP)' },
  visit_item_no_unit: { 'zh-CN': '该事项尚无责任单位，不能转为堵点', 'en-US': 'That item has no responsible unit yet: it cannot carry a blocker' },
  finding_already_acted: { 'zh-CN': '该问题已转为{outcome}，不能重复办理', 'en-US': 'This finding has already become a {outcome}' },
} as const satisfies Record<string, Message>;

/** Words used in those messages. */
export const MEETING_WORDS = {
  meeting: { 'zh-CN': '会议', 'en-US': 'Meeting' },
  agenda_item: { 'zh-CN': '会议议题', 'en-US': 'Agenda item' },
  meeting_status_open: { 'zh-CN': '进行中', 'en-US': 'open' },
  meeting_status_closed: { 'zh-CN': '已印发纪要', 'en-US': 'closed' },
  meeting_action_close: { 'zh-CN': '印发纪要', 'en-US': 'closed' },
  review_outcome_approved: { 'zh-CN': '审议通过', 'en-US': 'approved' },
  review_outcome_returned: { 'zh-CN': '退回修改', 'en-US': 'returned' },
  hearing_scope_all: { 'zh-CN': '全区', 'en-US': 'in the district' },
  hearing_scope_task_force: { 'zh-CN': '本专项推进组', 'en-US': 'in this task force' },
  field_visit: { 'zh-CN': '调研', 'en-US': 'Field visit' },
  directive: { 'zh-CN': '上级指示', 'en-US': 'Directive' },
  finding: { 'zh-CN': '调研发现的问题', 'en-US': 'Finding' },
  finding_outcome_blocker: { 'zh-CN': '堵点', 'en-US': 'blocker' },
  finding_outcome_follow_up: { 'zh-CN': '督办事项', 'en-US': 'follow-up' },
} as const satisfies Record<string, Message>;
