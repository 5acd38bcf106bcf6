import type { Grade, Honour, RankedUnit } from '../../../domain/scoring/rank.js';
import type { AssessmentCategory } from '../../../domain/scoring/scheme.js';
import type { Adjustment, Appeal, Breakdown, MyResult, RankLine, Result, ResultSummary, Scheme } from '../../../domain/schemas/assessment.js';
import type { AdjustmentView, AppealView, MyResultView, RankLineRow, ResultSummaryRow, ResultView, SchemeView, UnitBreakdownView } from '../../models/assessments.js';

type Status = ResultSummary['status'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentResultSummary(r: ResultSummaryRow): ResultSummary {
  return {
    id: r.id,
    schemeId: r.schemeId,
    period: r.period,
    revision: r.revision,
    schemeVersion: r.schemeVersion,
    status: r.status as Status,
    asOf: r.asOf,
    computedAt: r.computedAt.toISOString(),
    publishedAt: iso(r.publishedAt),
    appealDeadline: r.appealDeadline,
  };
}

export function presentScheme(v: SchemeView): Scheme {
  const s = v.scheme;
  return {
    id: s.id,
    year: s.year,
    category: s.category as AssessmentCategory,
    name: s.name,
    indicators: s.indicators.map((i) => ({ kind: i.kind, weight: i.weight })),
    rules: { ...s.rules },
    schemeVersion: s.schemeVersion,
    version: s.version,
    results: v.results.map(presentResultSummary),
  };
}

function rankLine(u: RankLineRow): RankLine {
  return {
    unitId: u.unitId,
    unitName: u.unitName,
    total: u.total,
    rank: u.rank,
    grade: u.grade as Grade | null,
    honour: u.honour as Honour | null,
    indicators: u.line.indicators.map((i) => ({ kind: i.kind, points: i.points })),
    bonus: u.line.bonus,
    deduction: u.line.deduction,
  };
}

/** A breakdown's own line, as the ranking lists it. */
const lineOf = (u: RankedUnit): RankLineRow => ({ unitId: u.unitId, unitName: u.unitName, rank: u.rank, total: u.total, grade: u.grade, honour: u.honour, line: { indicators: u.indicators, bonus: u.bonus, deduction: u.deduction } });

/** A ranking, unit by unit, without the facts (a breakdown carries those). */
export function presentResult(v: ResultView, lines: readonly RankLineRow[]): Result {
  return {
    ...presentResultSummary(v.result),
    schemeName: v.scheme.name,
    category: v.scheme.category as AssessmentCategory,
    year: v.scheme.year,
    indicators: v.result.indicators.map((i) => ({ kind: i.kind, weight: i.weight })),
    units: lines.map(rankLine),
  };
}

/** One unit's breakdown: total → indicators → facts, adjustments, and the distance to the unit above. */
export function presentBreakdown(v: ResultView, { unit: u, ranked }: UnitBreakdownView): Breakdown {
  return {
    ...rankLine(lineOf(u)),
    resultId: v.result.id,
    period: v.result.period,
    schemeName: v.scheme.name,
    status: v.result.status as Status,
    appealDeadline: v.result.appealDeadline,
    indicatorTotal: u.indicatorTotal,
    noFacts: u.noFacts,
    indicators: u.indicators.map((i) => ({ kind: i.kind, weight: i.weight, rule: i.rule, ratio: i.ratio, points: i.points, counted: i.counted, facts: i.facts.map((f) => ({ ...f })) })),
    adjustments: u.adjustments.map((a) => ({ ref: a.ref, points: a.points, reason: a.reason, evidence: a.evidence })),
    above: u.above ? { unitId: u.above.unitId, unitName: u.above.unitName, total: u.above.total, indicators: u.above.indicators.map((i) => ({ kind: i.kind, gap: i.gap })) } : null,
    ranked,
  };
}

export function presentMyResult({ result, scheme, unit: u, ranked }: MyResultView): MyResult {
  return {
    resultId: result.id,
    unitId: u.unitId,
    unitName: u.unitName,
    schemeName: scheme.name,
    period: result.period,
    publishedAt: iso(result.publishedAt),
    appealDeadline: result.appealDeadline,
    total: u.total,
    rank: u.rank,
    ranked,
    grade: u.grade as Grade | null,
    honour: u.honour as Honour | null,
  };
}

export function presentAdjustment(v: AdjustmentView): Adjustment {
  const a = v.adjustment;
  return {
    id: a.id,
    schemeId: a.schemeId,
    period: a.period,
    unitId: a.unitId,
    unitName: v.unitName,
    kind: a.kind as Adjustment['kind'],
    points: a.points,
    reason: a.reason,
    evidenceSha256: a.evidenceSha256,
    status: a.status as Adjustment['status'],
    createdById: a.createdById,
    approvedAt: iso(a.approvedAt),
    version: a.version,
  };
}

export function presentAppeal(v: AppealView): Appeal {
  const a = v.appeal;
  return {
    id: a.id,
    resultId: a.resultId,
    schemeName: v.schemeName,
    period: v.period,
    unitId: a.unitId,
    unitName: v.unitName,
    indicator: a.indicator as Appeal['indicator'],
    reason: a.reason,
    evidenceSha256: a.evidenceSha256,
    status: a.status as Appeal['status'],
    reply: a.reply,
    filedById: a.filedById,
    filedAt: a.filedAt.toISOString(),
    decidedAt: iso(a.decidedAt),
    republishedResultId: a.republishedResultId,
    version: a.version,
  };
}
