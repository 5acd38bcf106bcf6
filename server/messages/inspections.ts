import type { Message } from './message.js';

/** Refusals of 督查 campaigns and ledger entries, each saying why and who may act. Merged into server/i18n.ts. */
export const INSPECTION_MESSAGES = {
  ledger_step_invalid: {
    'zh-CN': '该督查台账事项当前为“{status}”，不能{action}：须按 整改→提交整改→核查→销号 的顺序办理',
    'en-US': 'This ledger entry is {status}; it cannot be {action}: entries go rectification → submitted → verified → closed',
  },
  ledger_close_not_effective: {
    'zh-CN': '核查结论为“{verdict}”，不能销号：请重新打开，由被督查单位再次整改',
    'en-US': 'The verdict is “{verdict}”: the entry cannot be closed; reopen it for the unit to rectify again',
  },
  ledger_not_unit: {
    'zh-CN': '须由被督查单位（{unit}）的联络员或一把手{action}',
    'en-US': 'The inspected unit ({unit}), its liaison or head, must do this ({action})',
  },
  ledger_verify_own: {
    'zh-CN': '不能核查自己提交的整改情况，须由其他督查人员核查',
    'en-US': 'You submitted this rectification: another inspector verifies it',
  },
  ledger_not_inspector: { 'zh-CN': '须由督查室人员{action}', 'en-US': 'An inspector must do this ({action})' },
  ledger_unit_required: {
    'zh-CN': '请选择被督查单位：{source}不能确定被督查单位',
    'en-US': 'Choose the inspected unit: a {source} does not name one',
  },
  ledger_source_unknown: { 'zh-CN': '问题来源（{source}）不存在或无权查看', 'en-US': 'There is no such {source} that you may see' },
  ledger_source_not_red: { 'zh-CN': '该事项当前不是红灯，不能作为“红灯”来源', 'en-US': 'The item is not red now: it cannot be the red-light source' },
  ledger_source_not_overdue: { 'zh-CN': '该事项当前没有逾期，不能作为“逾期”来源', 'en-US': 'The item is not overdue now: it cannot be the overdue source' },
  ledger_deadline_past: { 'zh-CN': '整改期限{deadline}已过，请改为今天或以后的日期', 'en-US': 'The rectification deadline {deadline} has passed; choose today or later' },
  ledger_unit_outside_campaign: {
    'zh-CN': '被督查单位不在督查活动“{campaign}”的范围内',
    'en-US': 'The unit is not among those the campaign “{campaign}” inspects',
  },
  inspection_not_inspector: { 'zh-CN': '{field}：该账号不是督查室人员', 'en-US': '{field}: this account is not an inspector' },
  bulletin_issued: {
    'zh-CN': '该督查通报已签发，内容已固定，不能再修改或再次签发',
    'en-US': 'This bulletin has been issued: its text is frozen and it cannot be edited or issued again',
  },
  bulletin_empty: {
    'zh-CN': '督查通报没有正文，不能签发：请至少填写一段正文',
    'en-US': 'The bulletin has no text: write at least one paragraph before issuing it',
  },
  notice_step_invalid: {
    'zh-CN': '该催办单/督办单已签收，无需重复签收',
    'en-US': 'This notice was already acknowledged',
  },
  notice_not_unit: { 'zh-CN': '须由被催办单位（{unit}）的联络员或一把手签收', 'en-US': 'The unit it was sent to ({unit}), its liaison or head, acknowledges it' },
  notice_not_late: {
    'zh-CN': '{subject}尚未逾期（或已提交整改），不需要发催办单或督办单',
    'en-US': 'The {subject} is not late (or its rectification was submitted): no notice is due',
  },
  notice_subject_unknown: { 'zh-CN': '催办对象（{subject}）不存在或无权查看', 'en-US': 'There is no such {subject} that you may see' },
  notice_reply_by_past: { 'zh-CN': '反馈时限{replyBy}已过，请改为今天或以后的日期', 'en-US': 'The reply date {replyBy} has passed; choose today or later' },
  inspection_period_range: { 'zh-CN': '督查时段的结束日期不能早于开始日期', 'en-US': 'The campaign cannot end before it starts' },
} as const satisfies Record<string, Message>;

/** Words used in those messages. */
export const INSPECTION_WORDS = {
  inspection: { 'zh-CN': '督查活动', 'en-US': 'Inspection campaign' },
  ledger_entry: { 'zh-CN': '督查台账事项', 'en-US': 'Ledger entry' },
  ledger_status_open: { 'zh-CN': '待整改', 'en-US': 'open' },
  ledger_status_rectifying: { 'zh-CN': '整改中', 'en-US': 'being rectified' },
  ledger_status_submitted: { 'zh-CN': '已提交整改，待核查', 'en-US': 'submitted, waiting to be verified' },
  ledger_status_verified: { 'zh-CN': '已核查', 'en-US': 'verified' },
  ledger_status_closed: { 'zh-CN': '已销号', 'en-US': 'closed' },
  ledger_action_acknowledge: { 'zh-CN': '签收', 'en-US': 'acknowledged' },
  ledger_action_rectify: { 'zh-CN': '提交整改', 'en-US': 'submitted as rectified' },
  ledger_action_verify: { 'zh-CN': '核查', 'en-US': 'verified' },
  ledger_action_close: { 'zh-CN': '销号', 'en-US': 'closed' },
  ledger_action_reopen: { 'zh-CN': '重新打开', 'en-US': 'reopened' },
  ledger_verdict_effective: { 'zh-CN': '整改有效', 'en-US': 'effective' },
  ledger_verdict_not_effective: { 'zh-CN': '整改无效', 'en-US': 'not effective' },
  ledger_verdict_none: { 'zh-CN': '尚未核查', 'en-US': 'not yet verified' },
  bulletin: { 'zh-CN': '督查通报', 'en-US': 'Bulletin' },
  notice: { 'zh-CN': '催办单/督办单', 'en-US': 'Notice' },
  notice_kind_urge: { 'zh-CN': '催办单', 'en-US': 'urging notice' },
  notice_kind_supervise: { 'zh-CN': '督办单', 'en-US': 'supervision notice' },
  notice_subject_ledger: { 'zh-CN': '督查台账问题', 'en-US': 'ledger finding' },
  notice_subject_task: { 'zh-CN': '任务', 'en-US': 'task' },
  notice_subject_target: { 'zh-CN': '指标', 'en-US': 'target' },
  notice_subject_project: { 'zh-CN': '项目', 'en-US': 'project' },
  ledger_source_red_light: { 'zh-CN': '红灯事项', 'en-US': 'red-light item' },
  ledger_source_overdue: { 'zh-CN': '逾期事项', 'en-US': 'overdue item' },
  ledger_source_blocker: { 'zh-CN': '堵点', 'en-US': 'blocker' },
  ledger_source_field_visit: { 'zh-CN': '调研发现的问题', 'en-US': 'field-visit finding' },
  ledger_source_entered: { 'zh-CN': '直接录入的问题', 'en-US': 'entered finding' },
} as const satisfies Record<string, Message>;
