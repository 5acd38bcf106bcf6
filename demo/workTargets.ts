import type { Direction, TargetAccumulation, TargetPeriod } from '../domain/work.js';
import type { DemoAreaCode } from './workPlans.js';

/**
 * How a target's actuals run against its trajectory, so the demo shows every light: on track,
 * a little short (yellow), far short (red), or the latest figure not reported for months (stale).
 */
export type TargetPace = 'on_track' | 'short' | 'far_short' | 'stale';

export interface DemoTarget {
  code: string;
  name: string;
  measureUnit: string;
  baseline: string;
  /** Goals for program years one, two and three. */
  goals: [string, string, string];
  direction: Direction;
  dataUnit: string;
  period: TargetPeriod;
  plan: string;
  area: DemoAreaCode;
  pace: TargetPace;
  /** How the figures add up: amounts in 亿元 over a year are reported year to date (累计值); rates, counts and levels are 时点值. */
  accumulation: TargetAccumulation;
}

const t = (
  code: string,
  name: string,
  measureUnit: string,
  baseline: string,
  goals: [string, string, string],
  direction: Direction,
  dataUnit: string,
  period: TargetPeriod,
  plan: string,
  area: DemoAreaCode,
  pace: TargetPace = 'on_track',
): DemoTarget => ({ code, name, measureUnit, baseline, goals, direction, dataUnit, period, plan, area, pace, accumulation: YEAR_TO_DATE.has(code) ? 'cumulative' : 'level' });

/**
 * Flows over a year (revenue, investment, output, trade), reported as the year to date, as finance
 * and statistics offices report them: 一般公共预算收入 of 19.8亿 is reached in December, not every month.
 */
const YEAR_TO_DATE = new Set(['P1-T02', 'S1-T03', 'S3-T01', 'S5-T04', 'S6-T01']);

/** Targets of the 1+6 plans; the report gives directions ("工业经济体量明显增强"), the figures are the demo's. */
export const DEMO_TARGETS: DemoTarget[] = [
  t('P1-T01', '地区生产总值增速', '%', '4.8', ['5.5', '6.0', '6.5'], 'higher', 'drc', 'quarterly', 'P1', 'reform'),
  t('P1-T02', '一般公共预算收入', '亿元', '18.60', ['19.80', '21.20', '22.80'], 'higher', 'finance', 'monthly', 'P1', 'reform', 'short'),
  t('P1-T03', '固定资产投资增速', '%', '6.0', ['10.0', '12.0', '12.0'], 'higher', 'drc', 'monthly', 'P1', 'reform', 'far_short'),
  t('P1-T04', '市场主体总量', '户', '41200', ['44000', '47000', '50000'], 'higher', 'business_env', 'quarterly', 'P1', 'reform'),
  t('P1-T05', '政务服务事项“一网通办”比例', '%', '92.0', ['95.0', '98.0', '99.0'], 'higher', 'data', 'quarterly', 'P1', 'reform'),
  t('S1-T01', '规模以上工业增加值增速', '%', '5.2', ['7.0', '7.5', '8.0'], 'higher', 'industry', 'monthly', 'S1', 'industry', 'short'),
  t('S1-T02', '规模以上工业企业数量', '家', '86', ['95', '105', '118'], 'higher', 'industry', 'quarterly', 'S1', 'industry'),
  t('S1-T03', '工业固定资产投资', '亿元', '32.50', ['40.00', '48.00', '56.00'], 'higher', 'industry', 'monthly', 'S1', 'industry', 'far_short'),
  t('S1-T04', '数字化转型企业数量', '家', '24', ['40', '60', '80'], 'higher', 'industry', 'quarterly', 'S1', 'industry'),
  t('S2-T01', '农村居民人均可支配收入', '元', '21560', ['22900', '24300', '25800'], 'higher', 'agriculture', 'quarterly', 'S2', 'rural'),
  t('S2-T02', '高标准农田面积', '万亩', '12.40', ['14.00', '15.60', '17.00'], 'higher', 'agriculture', 'quarterly', 'S2', 'rural', 'short'),
  t('S2-T03', '集体经济收入10万元以上村占比', '%', '62.0', ['75.0', '88.0', '100.0'], 'higher', 'agriculture', 'quarterly', 'S2', 'rural'),
  t('S2-T04', '农村生活垃圾分类处理覆盖率', '%', '70.0', ['80.0', '90.0', '95.0'], 'higher', 'lujia', 'monthly', 'S2', 'rural', 'stale'),
  t('S3-T01', '精细化工产业营业收入', '亿元', '215.00', ['260.00', '310.00', '370.00'], 'higher', 'chem_park', 'monthly', 'S3', 'petrochem'),
  t('S3-T02', '化工新材料产值占比', '%', '18.0', ['22.0', '26.0', '30.0'], 'higher', 'chem_park', 'quarterly', 'S3', 'petrochem', 'short'),
  t('S3-T03', '开发区亩均税收', '万元/亩', '21.50', ['24.00', '27.00', '30.00'], 'higher', 'chem_park', 'quarterly', 'S3', 'petrochem'),
  t('S3-T04', '精细化率', '%', '38.0', ['41.0', '44.0', '48.0'], 'higher', 'chem_park', 'quarterly', 'S3', 'petrochem', 'far_short'),
  t('S4-T01', '细颗粒物（PM2.5）平均浓度', '微克/立方米', '33.0', ['31.0', '30.0', '29.0'], 'lower', 'ecology', 'monthly', 'S4', 'ecology'),
  t('S4-T02', '空气质量优良天数比例', '%', '84.5', ['85.5', '86.5', '87.5'], 'higher', 'ecology', 'monthly', 'S4', 'ecology', 'short'),
  t('S4-T03', '国省考断面水质优良比例', '%', '66.7', ['75.0', '83.3', '83.3'], 'higher', 'ecology', 'quarterly', 'S4', 'ecology'),
  t('S4-T04', '受污染耕地安全利用率', '%', '93.0', ['94.0', '95.0', '95.0'], 'higher', 'agriculture', 'quarterly', 'S4', 'ecology'),
  t('S4-T05', '单位地区生产总值能耗下降', '%', '0.0', ['2.5', '5.0', '7.5'], 'higher', 'drc', 'quarterly', 'S4', 'ecology', 'far_short'),
  t('S5-T01', '央地合作项目签约数', '个', '0', ['12', '25', '40'], 'higher', 'commerce', 'quarterly', 'S5', 'central_local'),
  t('S5-T02', '央地合作项目到位资金', '亿元', '0.00', ['18.00', '40.00', '65.00'], 'higher', 'commerce', 'monthly', 'S5', 'central_local', 'short'),
  t('S5-T03', '实际利用外资', '万美元', '1800', ['2200', '2600', '3000'], 'higher', 'commerce', 'quarterly', 'S5', 'reform'),
  t('S5-T04', '进出口总额', '亿元', '26.80', ['29.00', '31.50', '34.00'], 'higher', 'commerce', 'monthly', 'S5', 'reform', 'stale'),
  t('S6-T01', '康复辅助器具产业产值', '亿元', '8.60', ['11.00', '14.00', '18.00'], 'higher', 'health', 'quarterly', 'S6', 'health'),
  t('S6-T02', '每千名老年人养老床位数', '张', '31.0', ['33.0', '35.0', '37.0'], 'higher', 'civil', 'quarterly', 'S6', 'health'),
  t('S6-T03', '社区康复辅具租赁服务点', '个', '4', ['10', '16', '22'], 'higher', 'jianshe', 'monthly', 'S6', 'health', 'short'),
  t('S6-T04', '二级以上医院医养结合服务覆盖率', '%', '60.0', ['75.0', '90.0', '100.0'], 'higher', 'health', 'quarterly', 'S6', 'health'),
  t('M1-T01', '营商环境投诉按期办结率', '%', '90.0', ['95.0', '98.0', '100.0'], 'higher', 'business_env', 'monthly', 'M1', 'reform'),
  t('M2-T01', '督查台账问题整改完成率', '%', '0.0', ['80.0', '90.0', '95.0'], 'higher', 'party_office', 'quarterly', 'M2', 'reform', 'short'),
  t('M4-T01', '三年行动主题宣传报道', '篇', '0', ['120', '260', '400'], 'higher', 'publicity', 'quarterly', 'M4', 'reform'),
];
