import type { Message } from './message.js';

/** Refusals of the assessment (考核) routes. Merged into server/i18n.ts. */
export const ASSESSMENT_MESSAGES = {
  assessment_weights_sum: { 'zh-CN': '各项指标权重之和须为100，现为{sum}', 'en-US': 'The indicators’ weights must add up to 100; they add up to {sum}' },
  assessment_duplicate_indicator: { 'zh-CN': '同一指标不能重复设置', 'en-US': 'An indicator may appear only once' },
  assessment_indicators_required: { 'zh-CN': '请至少设置一项考核指标', 'en-US': 'Add at least one indicator' },
  assessment_grade_order: { 'zh-CN': '等次分数线须满足 优秀 > 良好 > 一般', 'en-US': 'Grade thresholds must be excellent > good > fair' },
  assessment_scheme_exists: { 'zh-CN': '{year}年该类别已有考核方案', 'en-US': 'There is already a scheme for this category in {year}' },
  assessment_period_year: { 'zh-CN': '考核期须在方案年度（{year}年）内', 'en-US': 'The period must fall in the scheme’s year ({year})' },
  assessment_empty_category: { 'zh-CN': '该类别下没有可考核的单位，未计算', 'en-US': 'This category has no units to assess; nothing was computed' },
  assessment_not_computed: { 'zh-CN': '{period}尚未计算或已发布最新计算结果，请先计算再发布', 'en-US': '{period} has no new computed result; compute it before publishing' },
  assessment_appeal_closed: { 'zh-CN': '申诉期已于{deadline}截止', 'en-US': 'Appeals closed on {deadline}' },
  assessment_not_in_result: { 'zh-CN': '本单位不在该考核结果中', 'en-US': 'Your unit is not in this result' },
  assessment_own_appeal: { 'zh-CN': '不能办理本人或本单位提出的申诉', 'en-US': 'You cannot decide an appeal you or your unit filed' },
  assessment_own_adjustment: { 'zh-CN': '加分/扣分事项须由录入人以外的考核办人员审核', 'en-US': 'Another assessor than who entered it approves a bonus or deduction' },
  assessment_appeal_decided: { 'zh-CN': '该申诉已办理', 'en-US': 'This appeal has been decided' },
  assessment_appeal_not_upheld: { 'zh-CN': '只有成立的申诉才能据此重新计算并发布', 'en-US': 'Only an upheld appeal leads to a recomputation and republication' },
  assessment_appeal_republished: { 'zh-CN': '该申诉对应的考核结果已重新发布', 'en-US': 'The result this appeal contests has already been republished' },
  assessment_adjustment_approved: { 'zh-CN': '该事项已审核', 'en-US': 'This item has been approved' },
  assessment_evaluation_range: { 'zh-CN': '领导评价须在0到100分之间', 'en-US': 'A leader evaluation is between 0 and 100' },
} as const satisfies Record<string, Message>;

/** Words used in those messages. */
export const ASSESSMENT_WORDS = {
  assessment_scheme: { 'zh-CN': '考核方案', 'en-US': 'Assessment scheme' },
  assessment_result: { 'zh-CN': '考核结果', 'en-US': 'Assessment result' },
  assessment_appeal: { 'zh-CN': '申诉', 'en-US': 'Appeal' },
  assessment_adjustment: { 'zh-CN': '加减分事项', 'en-US': 'Adjustment' },
} as const satisfies Record<string, Message>;
