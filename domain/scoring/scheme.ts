import Decimal from 'decimal.js';
import type { IsoDate } from '../calendar/days.js';
import type { UnitKind } from '../enums.js';

/** Units are ranked within their category: 部门 against 部门, 街镇 against 街镇. */
export const ASSESSMENT_CATEGORIES = ['departments', 'streets_towns'] as const;
export type AssessmentCategory = (typeof ASSESSMENT_CATEGORIES)[number];

/** Which category a unit of this kind is assessed in (none: enterprises and the like are not assessed). */
export function categoryOfUnitKind(kind: UnitKind | string): AssessmentCategory | null {
  if (kind === 'subdistrict' || kind === 'town') return 'streets_towns';
  if (kind === 'department' || kind === 'committee' || kind === 'park') return 'departments';
  return null;
}

/** Indicators computed from the facts the system already holds, and the ones the assessor enters. */
export const COMPUTED_INDICATORS = [
  'reporting_on_time',
  'task_delivery',
  'target_achievement',
  'project_investment',
  'rectification_on_time',
  'blockers_solved',
  'dispatch_replies',
] as const;
export const MANUAL_INDICATORS = ['leader_evaluation'] as const;
export const INDICATOR_KINDS = [...COMPUTED_INDICATORS, ...MANUAL_INDICATORS] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** 评分周期: a quarter (2026-Q1) or a whole year (2026). */
export type AssessmentPeriod = string;
const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;
export const isAssessmentPeriod = (p: string): boolean => PERIOD.test(p);

/** The first and last day of an assessment period; undefined when it is not one. */
export function assessmentPeriodRange(p: AssessmentPeriod): { start: string; end: string } | undefined {
  const m = PERIOD.exec(p);
  if (!m) return undefined;
  const year = m[1]!;
  if (!m[2]) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const q = Number(m[2]);
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: `${year}-${ends[q - 1]}` };
}

/** The periods of a scheme's year: its four quarters and the year itself. */
export const periodsOfAssessmentYear = (year: number): AssessmentPeriod[] => [1, 2, 3, 4].map((q) => `${year}-Q${q}`).concat(String(year));

/**
 * The quarter an assessor most likely scores next, offered first: the last one of the scheme's year
 * that has ended by today; the first while none has (a scheme made early), the fourth for a past year.
 */
export function lastEndedQuarter(year: number, today: IsoDate): AssessmentPeriod {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return `${year}-Q4`;
  if (year > thisYear) return `${year}-Q1`;
  const ended = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return `${year}-Q${Math.max(1, ended)}`;
}

export interface Indicator {
  kind: IndicatorKind;
  /** Points out of 100, as a decimal string with at most 2 places. */
  weight: string;
}

/** 评分规则: what the scheme states beside its indicators; defaults in `DEFAULT_RULES`. */
export interface SchemeRules {
  /** Lowest total for each grade; below `fair` the grade is 较差. */
  excellent: string;
  good: string;
  fair: string;
  /** How many of the top ranks get 骏马奖 (红榜) and how many of the bottom places 蜗牛奖 (黑榜). */
  redCount: number;
  blackCount: number;
  /** Caps on what approved 加分 and 扣分 items may move a total, in points. */
  bonusCap: string;
  deductionCap: string;
}

export const DEFAULT_RULES: SchemeRules = { excellent: '90', good: '80', fair: '60', redCount: 1, blackCount: 1, bonusCap: '5', deductionCap: '10' };

export interface Scheme {
  year: number;
  category: AssessmentCategory;
  indicators: readonly Indicator[];
  rules: SchemeRules;
}

export type SchemeProblem =
  | { field: 'indicators'; code: 'weights_sum'; sum: string }
  | { field: 'indicators'; code: 'duplicate_indicator'; kind: IndicatorKind }
  | { field: 'indicators'; code: 'required' }
  | { field: 'rules'; code: 'grade_order' };

/**
 * What is wrong with a scheme, or null: at least one indicator, each kind once, weights that sum to
 * exactly 100 (decimals, never floats: 33.33 + 33.33 + 33.34 is 100), grade thresholds in order.
 */
export function schemeProblem(s: Pick<Scheme, 'indicators' | 'rules'>): SchemeProblem | null {
  if (s.indicators.length === 0) return { field: 'indicators', code: 'required' };
  const seen = new Set<IndicatorKind>();
  for (const i of s.indicators) {
    if (seen.has(i.kind)) return { field: 'indicators', code: 'duplicate_indicator', kind: i.kind };
    seen.add(i.kind);
  }
  const sum = weightSum(s.indicators);
  if (!sum.eq(100)) return { field: 'indicators', code: 'weights_sum', sum: sum.toFixed(2) };
  const { excellent, good, fair } = s.rules;
  if (!(new Decimal(excellent).gt(good) && new Decimal(good).gt(fair))) return { field: 'rules', code: 'grade_order' };
  return null;
}

/** The indicators' weights added up exactly. */
export const weightSum = (indicators: readonly Pick<Indicator, 'weight'>[]): Decimal =>
  indicators.reduce((s, i) => s.plus(new Decimal(i.weight)), new Decimal(0));
