import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { GRADES } from '../scoring/rank.js';
import { ASSESSMENT_CATEGORIES, INDICATOR_KINDS, isAssessmentPeriod } from '../scoring/scheme.js';
import { Id, PageQuery, Version } from './common.js';
import { Sha256 } from './evidence.js';
import { rule } from './ruleMessages.js';

/** Points with at most two decimals, as a string (never a float). */
const Points = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, rule('points'));
const Period = z.string().trim().refine(isAssessmentPeriod, rule('assessmentPeriod'));
const Reason = z.string().trim().min(1).max(LIMITS.text);

export const IndicatorInput = z.strictObject({ kind: z.enum(INDICATOR_KINDS), weight: Points });
export const RulesInput = z.strictObject({
  excellent: Points,
  good: Points,
  fair: Points,
  redCount: z.number().int().min(0).max(20),
  blackCount: z.number().int().min(0).max(20),
  bonusCap: Points,
  deductionCap: Points,
});

/** A new scheme: a year, a category, its indicators (weights summing to 100, checked by the server in decimals) and rules. */
export const SchemeCreate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  category: z.enum(ASSESSMENT_CATEGORIES),
  name: z.string().trim().min(1).max(LIMITS.name),
  indicators: z.array(IndicatorInput).min(1).max(INDICATOR_KINDS.length),
  rules: RulesInput.optional(),
});
export type SchemeCreate = z.infer<typeof SchemeCreate>;

export const SchemeUpdate = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.name).optional(),
  indicators: z.array(IndicatorInput).min(1).max(INDICATOR_KINDS.length).optional(),
  rules: RulesInput.optional(),
  version: Version,
});
export type SchemeUpdate = z.infer<typeof SchemeUpdate>;

/** Compute or publish one period (2026-Q1 … 2026-Q4, or 2026 for the year). */
export const PeriodBody = z.strictObject({ period: Period });
export const SchemeListQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const AdjustmentCreate = z.strictObject({
  period: Period,
  unitId: Id,
  kind: z.enum(['evaluation', 'bonus', 'deduction']),
  points: Points,
  reason: Reason,
  evidenceSha256: Sha256.nullish(),
});
export type AdjustmentCreate = z.infer<typeof AdjustmentCreate>;
export const AdjustmentApprove = z.strictObject({ version: Version });

export const AppealCreate = z.strictObject({ indicator: z.enum(INDICATOR_KINDS).nullish(), reason: Reason, evidenceSha256: Sha256.nullish() });
export type AppealCreate = z.infer<typeof AppealCreate>;
export const AppealDecide = z.strictObject({ decision: z.enum(['upheld', 'rejected']), reply: Reason, version: Version });
export type AppealDecide = z.infer<typeof AppealDecide>;
/** 重新计算并发布 from an upheld appeal: the appeal's version, so a second click is a conflict, not a second revision. */
export const AppealRepublish = z.strictObject({ version: Version });
export type AppealRepublish = z.infer<typeof AppealRepublish>;
export const AppealListQuery = PageQuery.extend({ status: z.enum(['open', 'upheld', 'rejected']).optional() });
export const ResultUnitParams = z.strictObject({ id: Id, unitId: Id });

const Indicator = z.object({ kind: z.enum(INDICATOR_KINDS), weight: z.string() });
const Rules = z.object({ excellent: z.string(), good: z.string(), fair: z.string(), redCount: z.number(), blackCount: z.number(), bonusCap: z.string(), deductionCap: z.string() });

export const ResultSummary = z.object({
  id: Id,
  schemeId: Id,
  period: z.string(),
  revision: z.number(),
  schemeVersion: z.number(),
  status: z.enum(['computed', 'published', 'superseded']),
  asOf: z.string(),
  computedAt: z.string(),
  publishedAt: z.string().nullable(),
  appealDeadline: z.string().nullable(),
});
export type ResultSummary = z.infer<typeof ResultSummary>;

export const Scheme = z.object({
  id: Id,
  year: z.number(),
  category: z.enum(ASSESSMENT_CATEGORIES),
  name: z.string(),
  indicators: z.array(Indicator),
  rules: Rules,
  schemeVersion: z.number(),
  version: z.number(),
  results: z.array(ResultSummary),
});
export type Scheme = z.infer<typeof Scheme>;

export const FactLine = z.object({
  ref: z.string(),
  title: z.string(),
  detail: z.string(),
  due: z.string().nullable(),
  doneOn: z.string().nullable(),
  lateWorkdays: z.number(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  credit: z.string(),
  outcome: z.string(),
});
export const IndicatorScore = z.object({
  kind: z.enum(INDICATOR_KINDS),
  weight: z.string(),
  rule: z.enum(['share', 'nothing_owed', 'manual', 'manual_missing']),
  ratio: z.string(),
  points: z.string(),
  counted: z.number(),
  facts: z.array(FactLine),
});
const Distance = z.object({ unitId: z.string(), unitName: z.string(), total: z.string(), indicators: z.array(z.object({ kind: z.enum(INDICATOR_KINDS), gap: z.string() })) });

/** A unit's line in a ranking (no facts: the ranking is read whole; a breakdown is read unit by unit). */
export const RankLine = z.object({
  unitId: z.string(),
  unitName: z.string(),
  total: z.string(),
  rank: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  honour: z.enum(['red', 'black']).nullable(),
  indicators: z.array(z.object({ kind: z.enum(INDICATOR_KINDS), points: z.string() })),
  bonus: z.string(),
  deduction: z.string(),
});
export type RankLine = z.infer<typeof RankLine>;

export const Result = ResultSummary.extend({ schemeName: z.string(), category: z.enum(ASSESSMENT_CATEGORIES), year: z.number(), indicators: z.array(Indicator), units: z.array(RankLine) });
export type Result = z.infer<typeof Result>;

/** One unit's breakdown: total → indicators → facts, its adjustments, rank and the distance to the unit above. */
export const Breakdown = RankLine.extend({
  resultId: Id,
  period: z.string(),
  schemeName: z.string(),
  status: z.enum(['computed', 'published', 'superseded']),
  appealDeadline: z.string().nullable(),
  indicatorTotal: z.string(),
  noFacts: z.boolean(),
  indicators: z.array(IndicatorScore),
  adjustments: z.array(z.object({ ref: z.string(), points: z.string(), reason: z.string(), evidence: z.string().nullable() })),
  above: Distance.nullable(),
  ranked: z.number(),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const Adjustment = z.object({
  id: Id,
  schemeId: Id,
  period: z.string(),
  unitId: Id,
  unitName: z.string(),
  kind: z.enum(['evaluation', 'bonus', 'deduction']),
  points: z.string(),
  reason: z.string(),
  evidenceSha256: z.string().nullable(),
  status: z.enum(['proposed', 'approved']),
  createdById: Id.nullable(),
  approvedAt: z.string().nullable(),
  version: z.number(),
});
export type Adjustment = z.infer<typeof Adjustment>;

export const Appeal = z.object({
  id: Id,
  resultId: Id,
  schemeName: z.string(),
  period: z.string(),
  unitId: Id,
  unitName: z.string(),
  indicator: z.enum(INDICATOR_KINDS).nullable(),
  reason: z.string(),
  evidenceSha256: z.string().nullable(),
  status: z.enum(['open', 'upheld', 'rejected']),
  reply: z.string().nullable(),
  filedById: Id,
  filedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The revision recomputed and republished from this upheld appeal, once it was. */
  republishedResultId: Id.nullable(),
  version: z.number(),
});
export type Appeal = z.infer<typeof Appeal>;

/** A unit's own published results (考核结果): one line per result. */
export const MyResult = z.object({
  resultId: Id,
  unitId: Id,
  unitName: z.string(),
  schemeName: z.string(),
  period: z.string(),
  publishedAt: z.string().nullable(),
  appealDeadline: z.string().nullable(),
  total: z.string(),
  rank: z.number().nullable(),
  ranked: z.number(),
  grade: z.enum(GRADES).nullable(),
  honour: z.enum(['red', 'black']).nullable(),
});
export type MyResult = z.infer<typeof MyResult>;
