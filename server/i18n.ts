import type { Lang } from '../domain/enums.js';
import { fillTemplate } from '../domain/text.js';
import { ASSESSMENT_MESSAGES, ASSESSMENT_WORDS } from './messages/assessments.js';
import { FILE_MESSAGES } from './messages/files.js';
import { IDEMPOTENCY_MESSAGES } from './messages/idempotency.js';
import { IMPORT_MESSAGES, IMPORT_WORDS } from './messages/imports.js';
import { ACCOUNT_MESSAGES, ACCOUNT_WORDS } from './messages/accounts.js';
import { ADMIN_MESSAGES, ADMIN_WORDS } from './messages/admin.js';
import { DISPATCH_MESSAGES, DISPATCH_WORDS } from './messages/dispatch.js';
import { INSPECTION_MESSAGES, INSPECTION_WORDS } from './messages/inspections.js';
import { MEETING_MESSAGES, MEETING_WORDS } from './messages/meetings.js';
import { OVERSIGHT_MESSAGES, OVERSIGHT_WORDS } from './messages/oversight.js';
import { PLANNING_MESSAGES, PLANNING_WORDS } from './messages/planning.js';
import { PROMISE_MESSAGES, PROMISE_WORDS } from './messages/promises.js';
import { PUBLICITY_MESSAGES, PUBLICITY_WORDS } from './messages/publicity.js';
import { REPORTING_MESSAGES, REPORTING_WORDS } from './messages/reporting.js';
import { REMINDER_FIELDS, REMINDER_MESSAGES, REMINDER_WORDS } from './messages/reminders.js';
import type { Message } from './messages/message.js';
import { PROGRESS_MESSAGES, PROGRESS_WORDS } from './messages/progress.js';

type Params = Record<string, string | number>;

/** Error and notice messages, by code. `{x}` is replaced by the parameter x. */
const MESSAGES = {
  bad_request: { 'zh-CN': '请求有误', 'en-US': 'Bad request' },
  validation: { 'zh-CN': '输入有误：{detail}', 'en-US': 'Invalid input: {detail}' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please log in' },
  invalid_credentials: { 'zh-CN': '账号或密码错误', 'en-US': 'Wrong account or password' },
  account_locked: {
    'zh-CN': '密码错误次数过多，账号已锁定，将于 {until} 解锁',
    'en-US': 'Too many failed attempts: the account is locked until {until}',
  },
  account_disabled: { 'zh-CN': '账号已停用，请联系系统管理员', 'en-US': 'This account is disabled; contact the system administrator' },
  session_expired: { 'zh-CN': '会话已过期，请重新登录', 'en-US': 'Your session has expired; please log in again' },
  stage_required: {
    'zh-CN': '请先完成{stage}',
    'en-US': 'Please complete {stage} first',
  },
  stage_done: { 'zh-CN': '登录验证已全部完成，无需再做此步', 'en-US': 'You have already finished signing in; this step is not needed' },
  csrf: { 'zh-CN': '请求校验失败，请刷新页面后重试', 'en-US': 'Request check failed; reload the page and try again' },
  forbidden: { 'zh-CN': '无权执行此操作', 'en-US': 'You are not allowed to do this' },
  not_found: { 'zh-CN': '{entity}不存在', 'en-US': '{entity} not found' },
  version_conflict: {
    'zh-CN': '该记录已被他人修改，请刷新后再保存',
    'en-US': 'Someone else changed this record; reload it before saving',
  },
  duplicate: { 'zh-CN': '{field}已存在：{value}', 'en-US': '{field} already exists: {value}' },
  wrong_password: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  weak_password: { 'zh-CN': '新密码不符合要求：{detail}', 'en-US': 'The new password does not meet the rules: {detail}' },
  same_password: { 'zh-CN': '新密码不能与当前密码相同', 'en-US': 'The new password must differ from the current one' },
  totp_invalid: { 'zh-CN': '动态验证码不正确', 'en-US': 'The verification code is wrong' },
  recovery_code_invalid: { 'zh-CN': '恢复码不正确或已用过', 'en-US': 'The recovery code is wrong or was used before' },
  totp_not_started: { 'zh-CN': '请先获取二维码', 'en-US': 'Request the QR code first' },
  payload_too_large: { 'zh-CN': '文件过大', 'en-US': 'The file is too large' },
  unsupported_media: { 'zh-CN': '不支持的文件类型', 'en-US': 'Unsupported file type' },
  import_invalid: { 'zh-CN': '导入文件有 {count} 行错误，未写入任何数据', 'en-US': '{count|# row has|# rows have} errors; nothing was written' },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' },
  internal: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
  self_disable: { 'zh-CN': '不能停用自己的账号', 'en-US': 'You cannot disable your own account' },
  scope_invalid: { 'zh-CN': '{field}：角色范围无效', 'en-US': '{field}: invalid role scope' },
  reference_invalid: { 'zh-CN': '{field}：引用的记录不存在', 'en-US': '{field}: the referenced record does not exist' },
  audit_locked: {
    'zh-CN': '数据目录正被运行中的服务器占用',
    'en-US': 'The data folder is held by a running server',
  },
  ...REPORTING_MESSAGES,
  ...ADMIN_MESSAGES,
  ...PLANNING_MESSAGES,
  ...FILE_MESSAGES,
  ...IDEMPOTENCY_MESSAGES,
  ...ACCOUNT_MESSAGES,
  ...DISPATCH_MESSAGES,
  ...MEETING_MESSAGES,
  ...INSPECTION_MESSAGES,
  ...OVERSIGHT_MESSAGES,
  ...PROMISE_MESSAGES,
  ...PUBLICITY_MESSAGES,
  ...IMPORT_MESSAGES,
  ...PROGRESS_MESSAGES,
  ...REMINDER_MESSAGES,
  ...ASSESSMENT_MESSAGES,
} as const satisfies Record<string, Message>;

/** Every code an error or notice may carry: a typo in a code does not compile (it fell back to 请求有误). */
export type MessageCode = keyof typeof MESSAGES;

/** Words used inside messages (entities, stages, password problems). */
const WORDS = {
  user: { 'zh-CN': '用户', 'en-US': 'User' },
  unit: { 'zh-CN': '单位', 'en-US': 'Unit' },
  region: { 'zh-CN': '行政区', 'en-US': 'Region' },
  body: { 'zh-CN': '机构', 'en-US': 'Body' },
  member: { 'zh-CN': '成员', 'en-US': 'Member' },
  record: { 'zh-CN': '记录', 'en-US': 'Record' },
  change_password: { 'zh-CN': '修改初始密码', 'en-US': 'changing your initial password' },
  totp_enrol: { 'zh-CN': '绑定动态验证码', 'en-US': 'setting up two-factor authentication' },
  totp_verify: { 'zh-CN': '动态验证码验证', 'en-US': 'two-factor verification' },
  too_short: { 'zh-CN': '长度不足 {min} 位', 'en-US': 'shorter than {min} characters' },
  too_long: { 'zh-CN': '过长', 'en-US': 'too long' },
  too_few_classes: {
    'zh-CN': '须包含大写字母、小写字母、数字、符号中至少 {classes} 类',
    'en-US': 'needs at least {classes} of: upper case, lower case, digits, symbols',
  },
  equals_account: { 'zh-CN': '不能与账号相同', 'en-US': 'must not equal the account name' },
  ...REPORTING_WORDS,
  ...ADMIN_WORDS,
  ...PLANNING_WORDS,
  ...ACCOUNT_WORDS,
  ...DISPATCH_WORDS,
  ...MEETING_WORDS,
  ...INSPECTION_WORDS,
  ...OVERSIGHT_WORDS,
  ...PROMISE_WORDS,
  ...PUBLICITY_WORDS,
  ...IMPORT_WORDS,
  ...REMINDER_WORDS,
  ...PROGRESS_WORDS,
  ...ASSESSMENT_WORDS,
} as const satisfies Record<string, Message>;

/** A word a message parameter may name as `@key`: a typo in a literal one does not compile. */
export type WordKey = keyof typeof WORDS;

function fill(text: string, params: Params, lang: Lang): string {
  return fillTemplate(text, params, { lang, missing: (k) => `{${k}}` });
}

export function message(code: MessageCode, lang: Lang, params: Params = {}): string {
  const m: Message = MESSAGES[code] ?? MESSAGES.bad_request;
  return fill(m[lang], params, lang);
}

/** Field names as the forms label them, for messages that name a field (duplicates, bad references). */
const FIELDS: Record<string, Message> = {
  // 宣传 articles and briefings.
  periodStart: { 'zh-CN': '开始日期', 'en-US': 'Start date' },
  periodEnd: { 'zh-CN': '结束日期', 'en-US': 'End date' },
  excerpt: { 'zh-CN': '摘要', 'en-US': 'Excerpt' },
  ...REMINDER_FIELDS,
  // The feed's query (工作动态) and the header EventSource reconnects with.
  kind: { 'zh-CN': '类型', 'en-US': 'Kind' },
  before: { 'zh-CN': '起始事件', 'en-US': 'Before' },
  lastEventId: { 'zh-CN': '上次事件编号', 'en-US': 'Last event id' },
  area: { 'zh-CN': '重点领域', 'en-US': 'Area' },
  unit: { 'zh-CN': '单位', 'en-US': 'Unit' },
  'Last-Event-ID': { 'zh-CN': '上次事件编号（Last-Event-ID）', 'en-US': 'Last-Event-ID' },
  code: { 'zh-CN': '编号', 'en-US': 'Code' },
  account: { 'zh-CN': '账号', 'en-US': 'Account' },
  mobile: { 'zh-CN': '手机号', 'en-US': 'Mobile number' },
  email: { 'zh-CN': '电子邮箱', 'en-US': 'E-mail address' },
  name: { 'zh-CN': '名称', 'en-US': 'Name' },
  title: { 'zh-CN': '名称', 'en-US': 'Title' },
  parentId: { 'zh-CN': '上级', 'en-US': 'Parent' },
  regionId: { 'zh-CN': '行政区', 'en-US': 'Region' },
  unitId: { 'zh-CN': '单位', 'en-US': 'Unit' },
  bodyId: { 'zh-CN': '机构', 'en-US': 'Body' },
  programId: { 'zh-CN': '三年行动', 'en-US': 'Program' },
  planId: { 'zh-CN': '所属方案', 'en-US': 'Plan' },
  areaId: { 'zh-CN': '重点领域', 'en-US': 'Area' },
  areaIds: { 'zh-CN': '重点领域', 'en-US': 'Areas' },
  leadUnitId: { 'zh-CN': '牵头单位', 'en-US': 'Lead unit' },
  supportUnitIds: { 'zh-CN': '配合单位', 'en-US': 'Supporting units' },
  dataUnitId: { 'zh-CN': '数据报送单位', 'en-US': 'Data unit' },
  responsibleUnitId: { 'zh-CN': '责任单位', 'en-US': 'Responsible unit' },
  taskForceId: { 'zh-CN': '专项推进组', 'en-US': 'Task force' },
  itemId: { 'zh-CN': '事项', 'en-US': 'Item' },
  roles: { 'zh-CN': '角色', 'en-US': 'Roles' },
  totalInvestment: { 'zh-CN': '总投资', 'en-US': 'Total investment' },
  years: { 'zh-CN': '年度投资计划', 'en-US': 'Yearly plan' },
  stage: { 'zh-CN': '建设阶段', 'en-US': 'Stage' },
  period: { 'zh-CN': '报送期', 'en-US': 'Period' },
  goals: { 'zh-CN': '年度目标', 'en-US': 'Yearly goals' },
  yearGoals: { 'zh-CN': '年度目标', 'en-US': 'Yearly goals' },
  endYear: { 'zh-CN': '结束年份', 'en-US': 'End year' },
  deadline: { 'zh-CN': '期限', 'en-US': 'Deadline' },
  deadlineKind: { 'zh-CN': '期限类型', 'en-US': 'Kind of deadline' },
  recurrence: { 'zh-CN': '周期', 'en-US': 'Recurrence' },
  startDate: { 'zh-CN': '开始日期', 'en-US': 'Start date' },
  percent: { 'zh-CN': '完成进度', 'en-US': 'Progress' },
  actual: { 'zh-CN': '实际值', 'en-US': 'Actual' },
  investment: { 'zh-CN': '本期完成投资', 'en-US': 'Investment' },
  text: { 'zh-CN': '进展情况', 'en-US': 'Progress text' },
  reason: { 'zh-CN': '理由', 'en-US': 'Reason' },
  resolution: { 'zh-CN': '办理结果', 'en-US': 'Resolution' },
  instruction: { 'zh-CN': '批示意见', 'en-US': 'Instruction' },
  measures: { 'zh-CN': '落实举措', 'en-US': 'Measures' },
  detail: { 'zh-CN': '详细说明', 'en-US': 'Detail' },
  level: { 'zh-CN': '层级', 'en-US': 'Level' },
  version: { 'zh-CN': '版本', 'en-US': 'Version' },
  baseline: { 'zh-CN': '基期值', 'en-US': 'Baseline' },
  measureUnit: { 'zh-CN': '计量单位', 'en-US': 'Unit of measure' },
  weight: { 'zh-CN': '权重', 'en-US': 'Weight' },
  due: { 'zh-CN': '计划日期', 'en-US': 'Due date' },
  value: { 'zh-CN': '数值', 'en-US': 'Value' },
  content: { 'zh-CN': '内容', 'en-US': 'Content' },
  columns: { 'zh-CN': '报送数据项', 'en-US': 'Figure columns' },
  unitIds: { 'zh-CN': '受令单位', 'en-US': 'Recipient units' },
  answer: { 'zh-CN': '答复内容', 'en-US': 'Answer' },
  figures: { 'zh-CN': '报送数据', 'en-US': 'Figures' },
  inspectionId: { 'zh-CN': '督查活动', 'en-US': 'Campaign' },
  inspectorIds: { 'zh-CN': '督查人员', 'en-US': 'Inspectors' },
  periodFrom: { 'zh-CN': '督查开始日期', 'en-US': 'Campaign start' },
  periodTo: { 'zh-CN': '督查结束日期', 'en-US': 'Campaign end' },
  keyLink: { 'zh-CN': '关键环节', 'en-US': 'Key link' },
  finding: { 'zh-CN': '发现问题', 'en-US': 'Finding' },
  requirement: { 'zh-CN': '整改要求', 'en-US': 'Rectification requirement' },
  verdict: { 'zh-CN': '核查结论', 'en-US': 'Verdict' },
  comment: { 'zh-CN': '意见', 'en-US': 'Comment' },
  source: { 'zh-CN': '问题来源', 'en-US': 'Source' },
  items: { 'zh-CN': '涉及事项', 'en-US': 'Items' },
  evidence: { 'zh-CN': '佐证材料', 'en-US': 'Evidence' },
  category: { 'zh-CN': '问题类别', 'en-US': 'Category' },
  summary: { 'zh-CN': '问题摘要', 'en-US': 'Summary' },
  disposal: { 'zh-CN': '处置方式', 'en-US': 'Disposal' },
  disposalText: { 'zh-CN': '处置情况', 'en-US': 'Disposal in words' },
  days: { 'zh-CN': '天数（工作日）', 'en-US': 'Days (workdays)' },
  from: { 'zh-CN': '开始日期', 'en-US': 'From' },
  to: { 'zh-CN': '结束日期', 'en-US': 'To' },
  status: { 'zh-CN': '状态', 'en-US': 'Status' },
  docNumber: { 'zh-CN': '发文字号', 'en-US': 'Document number' },
  issuer: { 'zh-CN': '发文机关', 'en-US': 'Issuing body' },
  issueDate: { 'zh-CN': '成文日期', 'en-US': 'Date' },
  sections: { 'zh-CN': '正文', 'en-US': 'Text' },
  heading: { 'zh-CN': '标题', 'en-US': 'Heading' },
  paragraphs: { 'zh-CN': '段落', 'en-US': 'Paragraphs' },
  subsections: { 'zh-CN': '小节', 'en-US': 'Subsections' },
  cc: { 'zh-CN': '抄送', 'en-US': 'Copies to' },
  printer: { 'zh-CN': '印发机关', 'en-US': 'Printed by' },
  subject: { 'zh-CN': '催办对象', 'en-US': 'Subject' },
  note: { 'zh-CN': '补充说明', 'en-US': 'Note' },
  replyBy: { 'zh-CN': '反馈时限', 'en-US': 'Reply by' },
  enterprise: { 'zh-CN': '企业名称', 'en-US': 'Enterprise' },
  contactPerson: { 'zh-CN': '联系人', 'en-US': 'Contact person' },
  contact: { 'zh-CN': '联系电话或邮箱', 'en-US': 'Phone or e-mail' },
  environment: { 'zh-CN': '投诉类别（营商环境）', 'en-US': 'Environment' },
  unitName: { 'zh-CN': '被投诉单位', 'en-US': 'Unit complained about' },
  description: { 'zh-CN': '投诉内容', 'en-US': 'Description' },
  website: { 'zh-CN': '网站', 'en-US': 'Website' },
  trackingCode: { 'zh-CN': '查询码', 'en-US': 'Tracking code' },
  reply: { 'zh-CN': '公开答复', 'en-US': 'Public reply' },
  files: { 'zh-CN': '附件', 'en-US': 'Attachments' },
  file: { 'zh-CN': '文件', 'en-US': 'File' },
  deadlineText: { 'zh-CN': '完成时限', 'en-US': 'Deadline' },
  unitText: { 'zh-CN': '单位名称', 'en-US': 'Unit name' },
};

/** "leadUnitId" → 牵头单位; "areaIds.1" → 重点领域.1; an unknown field keeps its name. */
export function fieldName(path: string, lang: Lang): string {
  const [head = '', ...rest] = path.split('.');
  const f = FIELDS[head];
  return f ? [f[lang], ...rest].join('.') : path;
}

export function word(key: string, lang: Lang, params: Params = {}): string {
  const w = (WORDS as Record<string, Message>)[key];
  return w ? fill(w[lang], params, lang) : key;
}

/** zh-CN unless the `lang` cookie or Accept-Language asks for English. */
export function pickLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookie === 'en-US' || cookie === 'zh-CN') return cookie;
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return 'en-US';
  return 'zh-CN';
}
