import type { Message } from './message.js';

/** Refusals of reports, evidence and blockers, each saying why. Merged into server/i18n.ts. */
export const REPORTING_MESSAGES: Record<string, Message> = {
  report_not_owner: {
    'zh-CN': '本单位不是该{item}的责任单位，不能报送或提出堵点',
    'en-US': 'Your unit is not responsible for this {item}, so it cannot report on it or raise blockers',
  },
  claim_not_approved: {
    'zh-CN': '本单位对该任务的认领{status}，须经单位一把手审批通过后方可报送（可先保存草稿）',
    'en-US': 'Your unit’s claim on this task is {status}: it must be approved by the unit head before reports go up (you can save a draft)',
  },
  report_exists: { 'zh-CN': '本单位{period}的报送已存在，请修改原报送', 'en-US': 'Your unit already has a report for {period}; edit that one' },
  period_closed: { 'zh-CN': '{period}的报送已验收，该期已关闭', 'en-US': 'The report for {period} was accepted: the period is closed' },
  period_future: { 'zh-CN': '{period}尚未开始，不能报送', 'en-US': '{period} has not begun; it cannot be reported on yet' },
  period_invalid: { 'zh-CN': '期次{period}不符合该{item}的报送周期（{kind}）', 'en-US': 'Period {period} does not match this {item}’s reporting cycle ({kind})' },
  report_not_editable: {
    'zh-CN': '报送已提交（{status}），不能修改；退回后方可修改',
    'en-US': 'The report has been submitted ({status}) and cannot be edited unless it is returned',
  },
  report_field_invalid: { 'zh-CN': '{field}不适用于{item}的报送', 'en-US': '{field} does not apply to a report on a {item}' },
  report_step_invalid: {
    'zh-CN': '报送当前为“{status}”，不能{action}：须按 报送→审核→审阅→验收 的顺序办理',
    'en-US': 'The report is {status}; it cannot be {action}: steps go submit → approve → review → accept',
  },
  report_step_unit: { 'zh-CN': '此步骤须由{unit}的{role}办理', 'en-US': 'This step is for the {role} of {unit}' },
  report_step_task_force: { 'zh-CN': '此步骤须由该计划的专项推进组（{body}）办理', 'en-US': 'This step is for the plan’s task force ({body})' },
  report_step_hq: { 'zh-CN': '此步骤须由指挥部办公室办理', 'en-US': 'This step is for the HQ office' },
  evidence_type: {
    'zh-CN': '不支持的文件类型，或文件内容与扩展名不符：仅接受图片（png、jpg、webp）、PDF 和 Office 文档',
    'en-US': 'Unsupported file type, or the content does not match the extension: images (png, jpg, webp), PDF and Office documents only',
  },
  evidence_too_large: { 'zh-CN': '文件过大，证明材料不能超过 {mb} MB', 'en-US': 'The file is too large: evidence may be at most {mb} MB' },
  evidence_unknown: { 'zh-CN': '证明材料 {sha256} 不存在或无权使用，请重新上传', 'en-US': 'Evidence {sha256} does not exist or is not yours to use; upload it again' },
  blocker_resolved: { 'zh-CN': '该堵点已解决，不能再{action}', 'en-US': 'This blocker is resolved; it cannot be {action}' },
  blocker_top: { 'zh-CN': '该堵点已提交领导小组，不能再升级', 'en-US': 'This blocker is already with the leading group; it cannot go higher' },
  blocker_not_handler: {
    'zh-CN': '堵点由该计划的专项推进组或指挥部办公室升级和解决',
    'en-US': 'Blockers are escalated and resolved by the plan’s task force or the HQ office',
  },
};

/** Words used in those messages. */
export const REPORTING_WORDS: Record<string, Message> = {
  report: { 'zh-CN': '进展报送', 'en-US': 'Report' },
  evidence: { 'zh-CN': '证明材料', 'en-US': 'Evidence' },
  blocker: { 'zh-CN': '堵点', 'en-US': 'Blocker' },
  task: { 'zh-CN': '任务', 'en-US': 'task' },
  target: { 'zh-CN': '指标', 'en-US': 'target' },
  project: { 'zh-CN': '项目', 'en-US': 'project' },
  weekly: { 'zh-CN': '按周', 'en-US': 'weekly' },
  monthly: { 'zh-CN': '按月', 'en-US': 'monthly' },
  quarterly: { 'zh-CN': '按季度', 'en-US': 'quarterly' },
  percent: { 'zh-CN': '完成进度', 'en-US': 'percent' },
  actual: { 'zh-CN': '实际值', 'en-US': 'actual' },
  investment: { 'zh-CN': '完成投资', 'en-US': 'investment' },
  stage: { 'zh-CN': '项目阶段', 'en-US': 'stage' },
  status_draft: { 'zh-CN': '草稿', 'en-US': 'a draft' },
  status_submitted: { 'zh-CN': '已报送', 'en-US': 'submitted' },
  status_approved: { 'zh-CN': '单位已审核', 'en-US': 'approved by the unit' },
  status_reviewed: { 'zh-CN': '推进组已审阅', 'en-US': 'reviewed' },
  status_accepted: { 'zh-CN': '已验收', 'en-US': 'accepted' },
  status_returned: { 'zh-CN': '已退回', 'en-US': 'returned' },
  action_submit: { 'zh-CN': '报送', 'en-US': 'submitted' },
  action_approve: { 'zh-CN': '审核', 'en-US': 'approved' },
  action_review: { 'zh-CN': '审阅', 'en-US': 'reviewed' },
  action_accept: { 'zh-CN': '验收', 'en-US': 'accepted' },
  action_return: { 'zh-CN': '退回', 'en-US': 'returned' },
  action_escalate: { 'zh-CN': '升级', 'en-US': 'escalated' },
  action_resolve: { 'zh-CN': '解决', 'en-US': 'resolved' },
  claim_unclaimed: { 'zh-CN': '尚未认领', 'en-US': 'not made yet' },
  claim_submitted: { 'zh-CN': '尚待单位一把手审批', 'en-US': 'still waiting for the unit head' },
  claim_returned: { 'zh-CN': '已被退回', 'en-US': 'returned' },
  claim_approved: { 'zh-CN': '已审批', 'en-US': 'approved' },
  role_liaison_or_head: { 'zh-CN': '联络员或一把手', 'en-US': 'liaison or head' },
  role_unit_head: { 'zh-CN': '一把手', 'en-US': 'head' },
};
