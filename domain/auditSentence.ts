import type { Lang } from './enums.js';

/**
 * Every action the server writes to the audit log, with what it says in words: the auditor reads
 * "张三 验收了 进展报送「S1-2.1 2026-11」", not `report.accepted` and a UUID. A test keeps this list
 * and the server's audit calls in step.
 */
export const AUDIT_ACTION_WORDS: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  'access.refused': { 'zh-CN': '被拒绝访问', 'en-US': 'was refused' },
  'access.refusals_suppressed': { 'zh-CN': '的大量被拒请求（此后暂不逐条记录）', 'en-US': 'made many refused requests (no longer recorded one by one)' },
  'audit.read': { 'zh-CN': '查阅了审计日志', 'en-US': 'read the audit log' },
  'audit.verified': { 'zh-CN': '校验了审计链', 'en-US': 'verified the audit chain' },
  'audit.quarantined': { 'zh-CN': '隔离了无法入链的审计记录', 'en-US': 'set aside audit records that could not be linked' },
  'audit.key': { 'zh-CN': '启用了审计密钥', 'en-US': 'took the audit key into use' },
  'auth.login': { 'zh-CN': '登录', 'en-US': 'signed in' },
  'auth.logout': { 'zh-CN': '退出登录', 'en-US': 'signed out' },
  'auth.login_failed': { 'zh-CN': '登录失败（账号或密码错误）', 'en-US': 'failed to sign in (wrong account or password)' },
  'auth.account_locked': { 'zh-CN': '因多次输错密码被锁定', 'en-US': 'was locked after repeated wrong passwords' },
  'auth.login_refused_locked': { 'zh-CN': '在锁定期间尝试登录被拒', 'en-US': 'was refused while locked' },
  'auth.rate_limited': { 'zh-CN': '因请求过于频繁被限流', 'en-US': 'was throttled for too many attempts' },
  'auth.password_wrong': { 'zh-CN': '修改密码时输错了当前密码', 'en-US': 'gave a wrong current password' },
  'auth.password_guesses_exceeded': { 'zh-CN': '多次输错当前密码，会话被终止', 'en-US': 'guessed the current password too often; the session ended' },
  'auth.totp_setup': { 'zh-CN': '开始绑定动态验证码', 'en-US': 'started setting up the second factor' },
  'auth.totp_enrolled': { 'zh-CN': '绑定了动态验证码', 'en-US': 'set up the second factor' },
  'auth.totp_verified': { 'zh-CN': '通过了动态验证码验证', 'en-US': 'passed the second factor' },
  'auth.totp_failed': { 'zh-CN': '输错了动态验证码', 'en-US': 'gave a wrong second-factor code' },
  'auth.totp_reused': { 'zh-CN': '重复使用了已用过的动态验证码', 'en-US': 'reused a spent second-factor code' },
  'auth.recovery_code_used': { 'zh-CN': '使用恢复码登录', 'en-US': 'signed in with a recovery code' },
  'auth.recovery_code_failed': { 'zh-CN': '输错了恢复码', 'en-US': 'gave a wrong recovery code' },
  'auth.recovery_codes_regenerated': { 'zh-CN': '重新生成了恢复码', 'en-US': 'generated new recovery codes' },
  'user.created': { 'zh-CN': '创建了账号', 'en-US': 'created the account' },
  'user.bootstrapped': { 'zh-CN': '在空数据库首次启动时创建了管理员账号', 'en-US': "created, at the blank database's first start, the admin account" },
  'user.updated': { 'zh-CN': '修改了账号', 'en-US': 'changed the account' },
  'user.disabled': { 'zh-CN': '停用了账号', 'en-US': 'disabled the account' },
  'user.enabled': { 'zh-CN': '启用了账号', 'en-US': 'enabled the account' },
  'user.imported': { 'zh-CN': '批量导入了账号', 'en-US': 'imported accounts' },
  'user.password_changed': { 'zh-CN': '修改了自己的密码', 'en-US': 'changed their password' },
  'user.password_reset': { 'zh-CN': '重置了密码', 'en-US': 'reset the password of' },
  'user.unlocked': { 'zh-CN': '解锁了账号', 'en-US': 'unlocked the account' },
  'user.totp_reset': { 'zh-CN': '重置了动态验证码', 'en-US': 'reset the second factor of' },
  'user.recovered': { 'zh-CN': '在服务器控制台恢复了安全管理员账号', 'en-US': 'recovered the security admin at the console:' },
  'user.roles_proposed': { 'zh-CN': '提议变更管理员角色', 'en-US': 'proposed a change of admin roles for' },
  'user.roles_approved': { 'zh-CN': '批准了管理员角色变更', 'en-US': 'approved the change of admin roles of' },
  'user.roles_rejected': { 'zh-CN': '驳回了管理员角色变更', 'en-US': 'rejected the change of admin roles of' },
  'region.created': { 'zh-CN': '新建了行政区', 'en-US': 'created the region' },
  'region.updated': { 'zh-CN': '修改了行政区', 'en-US': 'changed the region' },
  'unit.created': { 'zh-CN': '新建了单位', 'en-US': 'created the unit' },
  'unit.updated': { 'zh-CN': '修改了单位', 'en-US': 'changed the unit' },
  'body.created': { 'zh-CN': '新建了机构', 'en-US': 'created the body' },
  'body.updated': { 'zh-CN': '修改了机构', 'en-US': 'changed the body' },
  'body.member_added': { 'zh-CN': '为机构增加了成员', 'en-US': 'added a member to' },
  'body.member_removed': { 'zh-CN': '移除了机构成员', 'en-US': 'removed a member from' },
  'security_policy.updated': { 'zh-CN': '修改了安全策略', 'en-US': 'changed the security policy' },
  'calendar_override.saved': { 'zh-CN': '调整了工作日历', 'en-US': 'set a day of the workday calendar' },
  'calendar_override.deleted': { 'zh-CN': '恢复了工作日历的默认安排', 'en-US': 'restored a day of the workday calendar' },
  'system.demo_loaded': { 'zh-CN': '载入了演示数据', 'en-US': 'loaded the demo district' },
  'system.lights_refreshed': { 'zh-CN': '重新计算了全部状态灯', 'en-US': 'recomputed every light' },
  'program.created': { 'zh-CN': '新建了三年行动', 'en-US': 'created the program' },
  'program.updated': { 'zh-CN': '修改了三年行动', 'en-US': 'changed the program' },
  'area.created': { 'zh-CN': '新建了重点领域', 'en-US': 'created the area' },
  'plan.created': { 'zh-CN': '新建了方案', 'en-US': 'created the plan' },
  'plan.updated': { 'zh-CN': '修改了方案', 'en-US': 'changed the plan' },
  'plan.submitted': { 'zh-CN': '提交审议了方案', 'en-US': 'submitted the plan' },
  'plan.approved': { 'zh-CN': '审定了方案', 'en-US': 'approved the plan' },
  'plan.published': { 'zh-CN': '印发了方案', 'en-US': 'published the plan' },
  'plan.returned': { 'zh-CN': '退回了方案', 'en-US': 'returned the plan' },
  'task.created': { 'zh-CN': '新建了任务', 'en-US': 'created the task' },
  'task.updated': { 'zh-CN': '修改了任务', 'en-US': 'changed the task' },
  'task.claimed': { 'zh-CN': '认领了任务', 'en-US': 'claimed the task' },
  'task.claim_approved': { 'zh-CN': '审核通过了任务认领', 'en-US': 'approved the claim on' },
  'task.claim_returned': { 'zh-CN': '退回了任务认领', 'en-US': 'returned the claim on' },
  'task.milestone_added': { 'zh-CN': '为任务增加了节点', 'en-US': 'added a milestone to' },
  'task.milestone_updated': { 'zh-CN': '修改了任务节点', 'en-US': 'changed a milestone of' },
  'task.milestone_removed': { 'zh-CN': '删除了任务节点', 'en-US': 'removed a milestone of' },
  'target.created': { 'zh-CN': '新建了目标指标', 'en-US': 'created the target' },
  'target.updated': { 'zh-CN': '修改了目标指标', 'en-US': 'changed the target' },
  'target.trajectory_set': { 'zh-CN': '设定了目标指标的序时计划', 'en-US': 'set the trajectory of' },
  'target.actual_recorded': { 'zh-CN': '录入了目标指标的实际值', 'en-US': 'recorded an actual of' },
  'project.created': { 'zh-CN': '新建了重点项目', 'en-US': 'created the project' },
  'project.updated': { 'zh-CN': '修改了重点项目', 'en-US': 'changed the project' },
  'project.plan_set': { 'zh-CN': '设定了重点项目的年度投资计划', 'en-US': 'set the yearly investment plan of' },
  'report.created': { 'zh-CN': '起草了进展报送', 'en-US': 'drafted the report' },
  'report.updated': { 'zh-CN': '修改了进展报送', 'en-US': 'changed the report' },
  'report.submitted': { 'zh-CN': '提交了进展报送', 'en-US': 'submitted the report' },
  'report.approved': { 'zh-CN': '审核通过了进展报送', 'en-US': 'approved the report' },
  'report.reviewed': { 'zh-CN': '复核了进展报送', 'en-US': 'reviewed the report' },
  'report.accepted': { 'zh-CN': '验收了进展报送', 'en-US': 'accepted the report' },
  'report.returned': { 'zh-CN': '退回了进展报送', 'en-US': 'returned the report' },
  'dispatch.created': { 'zh-CN': '起草了调度令', 'en-US': 'drafted the dispatch order' },
  'instruction.issued': { 'zh-CN': '作出了批示', 'en-US': 'issued an instruction' },
  'dispatch.updated': { 'zh-CN': '修改了调度令', 'en-US': 'changed the dispatch order' },
  'dispatch.sent': { 'zh-CN': '下发了调度令', 'en-US': 'sent the dispatch order' },
  'dispatch.chased': { 'zh-CN': '催办了调度令的未答复单位', 'en-US': 'chased the units yet to reply to the dispatch order' },
  'dispatch.closed': { 'zh-CN': '办结了调度令', 'en-US': 'closed the dispatch order' },
  'dispatch.replied': { 'zh-CN': '答复了调度令', 'en-US': 'replied to the dispatch order' },
  'meeting.created': { 'zh-CN': '创建了会议', 'en-US': 'created the meeting' },
  'meeting.updated': { 'zh-CN': '修改了会议', 'en-US': 'changed the meeting' },
  'meeting.agenda_added': { 'zh-CN': '增加了会议议题', 'en-US': 'added an agenda item to the meeting' },
  'meeting.agenda_updated': { 'zh-CN': '修改了会议议题', 'en-US': 'changed an agenda item of the meeting' },
  'meeting.agenda_removed': { 'zh-CN': '删除了会议议题', 'en-US': 'removed an agenda item from the meeting' },
  'meeting.snapshot_taken': { 'zh-CN': '更新了会议汇报的推进情况快照', 'en-US': 'took the status snapshot again for the meeting' },
  'meeting.decision_recorded': { 'zh-CN': '记录了会议议定事项', 'en-US': 'recorded a decision of the meeting' },
  'meeting.closed': { 'zh-CN': '印发了会议纪要', 'en-US': 'issued the minutes of the meeting' },
  'directive.registered': { 'zh-CN': '登记了上级指示并分解交办', 'en-US': 'registered the directive and sent its points' },
  'directive.point_added': { 'zh-CN': '增加了上级指示的落实事项', 'en-US': 'added a point to the directive' },
  'field_visit.logged': { 'zh-CN': '记录了调研', 'en-US': 'logged the field visit' },
  'field_visit.blocker_raised': { 'zh-CN': '将调研发现的问题转为堵点', 'en-US': 'raised a blocker from a field visit finding' },
  'field_visit.follow_up_sent': { 'zh-CN': '将调研发现的问题转为督办事项', 'en-US': 'sent a field visit finding to follow up' },
  'evidence.uploaded': { 'zh-CN': '上传了佐证材料', 'en-US': 'uploaded evidence' },
  'evidence.downloaded': { 'zh-CN': '下载了佐证材料', 'en-US': 'downloaded evidence' },
  'blocker.raised': { 'zh-CN': '上报了堵点', 'en-US': 'raised the blocker' },
  'blocker.escalated': { 'zh-CN': '向上一级上报了堵点', 'en-US': 'escalated the blocker' },
  'blocker.resolved': { 'zh-CN': '填报了堵点的办理结果', 'en-US': 'reported solved the blocker' },
  // Records written before blockers were returned at any level (and before the raiser verified) keep their words.
  'blocker.instructed': { 'zh-CN': '批示下发了堵点', 'en-US': 'sent back with an instruction the blocker' },
  'blocker.assigned': { 'zh-CN': '交办了堵点', 'en-US': 'assigned to a resolver the blocker' },
  'blocker.decided': { 'zh-CN': '决定了堵点的解决办法', 'en-US': 'decided the blocker' },
  'blocker.returned': { 'zh-CN': '批示退回了堵点', 'en-US': 'sent back down with an instruction the blocker' },
  'blocker.verified': { 'zh-CN': '确认办结了堵点', 'en-US': 'verified the resolution of the blocker' },
  'blocker.reopened': { 'zh-CN': '重新打开了堵点', 'en-US': 'reopened the blocker' },
};

export interface AuditSentenceInput {
  action: string;
  /** Who: the person's name, else the account, else the system. */
  actorName?: string | null;
  actorAccount?: string | null;
  /** To which named item (a task's code and title, a user's name); absent when there is none. */
  subject?: string | null;
}

/** "张三（zhangsan）验收了进展报送「S1-2.1 …」" — who did what, to which named item. Time and place are shown beside it. */
export function auditSentence(r: AuditSentenceInput, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const who = r.actorName ? (r.actorAccount && r.actorAccount !== r.actorName ? (zh ? `${r.actorName}（${r.actorAccount}）` : `${r.actorName} (${r.actorAccount})`) : r.actorName) : (r.actorAccount ?? (zh ? '系统' : 'The system'));
  const words = AUDIT_ACTION_WORDS[r.action]?.[lang] ?? (zh ? `执行了 ${r.action}` : `did ${r.action}`);
  const subject = r.subject ? (zh ? `「${r.subject}」` : ` "${r.subject}"`) : '';
  return zh ? `${who}${words}${subject}` : `${who} ${words}${subject}`;
}
