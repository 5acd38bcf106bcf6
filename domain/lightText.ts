import Decimal from 'decimal.js';
import type { Lang } from './enums.js';
import type { Light, LightReason } from './lights.js';
import { fillTemplate } from './text.js';

/** A light as documents and sheets name it (zh-CN: what offices print). */
export const LIGHT_LABELS: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', done: '已完成', not_started: '未开始' };

const TEXT: Record<LightReason['code'], Record<Lang, string>> = {
  done: { 'zh-CN': '已完成', 'en-US': 'Done' },
  not_started: { 'zh-CN': '尚未开始', 'en-US': 'Not started yet' },
  on_track: { 'zh-CN': '按序时进度推进', 'en-US': 'On schedule' },
  overdue: { 'zh-CN': '已逾期{workdays}个工作日（期限{deadline}）', 'en-US': 'Overdue by {workdays|# workday|# workdays} (due {deadline})' },
  due_soon: { 'zh-CN': '距期限仅剩{workdays}个工作日，进度{progress}%', 'en-US': '{workdays|# workday|# workdays} left, {progress}% done' },
  milestone_overdue: { 'zh-CN': '节点“{name}”逾期{workdays}个工作日', 'en-US': 'Milestone "{name}" overdue by {workdays|# workday|# workdays}' },
  // "落后序时进度99.7%" read as "behind by 99.7 %": say where it should be and by how many points it lags.
  behind_schedule: { 'zh-CN': '进度{progress}%，序时进度{expected}%，落后{lag}个百分点', 'en-US': 'Progress {progress}%, expected {expected}%: {lag|# point|# points} behind' },
  stale_report: { 'zh-CN': '已{days}天无审核通过的进展报送（上次{last}）', 'en-US': 'No approved report for {days|# day|# days} (last {last})' },
  no_report: { 'zh-CN': '尚无审核通过的进展报送', 'en-US': 'No approved report yet' },
  target_behind: { 'zh-CN': '{period}实际值{actual}{unit}，未达到计划值{expected}{unit}', 'en-US': '{period} actual {actual} {unit} is behind the planned {expected} {unit}' },
  target_on_track: { 'zh-CN': '{period}实际值{actual}{unit}，达到计划值{expected}{unit}', 'en-US': '{period} actual {actual} {unit} meets the planned {expected} {unit}' },
  no_deadline: { 'zh-CN': '长期坚持，无固定期限', 'en-US': 'Ongoing, no fixed deadline' },
  // The same words as the HQ desk's 逾期未认领 list, so the unit and the office read one deadline.
  awaiting_claim: { 'zh-CN': '待认领，应于{due}前认领', 'en-US': 'Waiting for a claim, due by {due}' },
  claim_overdue: { 'zh-CN': '未认领：应于{due}前认领，已超{workdays}个工作日', 'en-US': 'Not claimed: the claim was due {due}, {workdays|# workday|# workdays} late' },
  investment_behind: {
    'zh-CN': '{year}年计划投资{planned}万元，已完成{done}万元（{rate}%），序时进度{expected}%，落后{lag}个百分点',
    'en-US': '{year}: {done} of {planned} (10k yuan) invested ({rate}%), expected {expected}%: {lag|# point|# points} behind',
  },
  blocked: { 'zh-CN': '有{count}个堵点尚未解决：“{title}”（{where}）', 'en-US': '{count|# unresolved blocker|# unresolved blockers}: "{title}" ({where})' },
  investment_on_track: {
    'zh-CN': '{year}年计划投资{planned}万元，已完成{done}万元（{rate}%），序时进度{expected}%',
    'en-US': '{year}: {done} of {planned} (10k yuan) invested ({rate}%), expected {expected}%',
  },
};

/** Where a blocker sits (the same words as its level tag in the web app). */
const LEVEL_WORDS: Record<string, Record<Lang, string>> = {
  unit: { 'zh-CN': '单位层面', 'en-US': 'at unit level' },
  task_force: { 'zh-CN': '专项推进组', 'en-US': 'with the task force' },
  hq: { 'zh-CN': '指挥部', 'en-US': 'with the HQ' },
  leading_group: { 'zh-CN': '领导小组', 'en-US': 'with the leading group' },
};

/** The sentence shown beside a light, e.g. 节点“开工”逾期3个工作日. */
export function lightReasonText(r: LightReason, lang: Lang): string {
  const text = TEXT[r.code]?.[lang];
  if (!text) return r.code;
  const params = { unit: '', ...r.params };
  if (r.code === 'behind_schedule') return fillTemplate(text, { ...params, lag: lagPoints(r.params.expected, r.params.progress) }, { lang });
  if (r.code === 'blocked') return fillTemplate(text, { ...params, where: LEVEL_WORDS[String(r.params.level)]?.[lang] ?? String(r.params.level) }, { lang });
  if (r.code === 'investment_behind') return fillTemplate(text, { ...params, lag: lagPoints(r.params.expected, r.params.rate) }, { lang });
  return fillTemplate(text, params, { lang });
}

/** Percentage points between 序时进度 and progress, exactly (62.6 against 99.7 lags 37.1, not 37.099999). */
function lagPoints(expected: unknown, actual: unknown): string {
  if (![expected, actual].every((v) => Number.isFinite(Number(v)))) return '';
  return new Decimal(String(expected)).minus(String(actual)).toString();
}
