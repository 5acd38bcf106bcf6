import type { RankedUnit } from '../../../domain/scoring/rank.js';
import type { AssessmentCategory } from '../../../domain/scoring/scheme.js';
import type { Adjustment, Appeal, Breakdown, MyResult, RankLine, Result, ResultSummary, Scheme } from '../../../domain/schemas/assessment.js';
import type { AdjustmentView, AppealView, ResultSummaryRow, ResultView, SchemeView } from '../../models/assessments.js';

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

function rankLine(u: RankedUnit): RankLine {
  return {
    unitId: u.unitId,
    unitName: u.unitName,
    total: u.total,
    rank: u.rank,
    grade: u.grade,
    honour: u.honour,
    indicators: u.indicators.map((i) => ({ kind: i.kind, points: i.points })),
    bonus: u.bonus,
    deduction: u.deduction,
  };
}

/** A ranking, unit by unit, without the facts (a breakdown carries those). */
export function presentResult(v: ResultView): Result {
  return {
    ...presentResultSummary(v.result),
    schemeName: v.scheme.name,
    category: v.scheme.category as AssessmentCategory,
    year: v.scheme.year,
    indicators: v.result.indicators.map((i) => ({ kind: i.kind, weight: i.weight })),
    units: v.result.units.map(rankLine),
  };
}

/** One unit's breakdown: total → indicators → facts, adjustments, and the distance to the unit above. */
export function presentBreakdown(v: ResultView, u: RankedUnit): Breakdown {
  return {
    ...rankLine(u),
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
    ranked: v.result.units.filter((x) => x.rank !== null).length,
  };
}

export function presentMyResult(v: ResultView, u: RankedUnit): MyResult {
  return {
    resultId: v.result.id,
    unitId: u.unitId,
    unitName: u.unitName,
    schemeName: v.scheme.name,
    period: v.result.period,
    publishedAt: iso(v.result.publishedAt),
    appealDeadline: v.result.appealDeadline,
    total: u.total,
    rank: u.rank,
    ranked: v.result.units.filter((x) => x.rank !== null).length,
    grade: u.grade,
    honour: u.honour,
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
    version: a.version,
  };
}
