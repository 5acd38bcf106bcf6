import Decimal from 'decimal.js';
import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import type { UnitFacts } from './facts.js';
import { hasFacts, indicatorShare, type FactLine, type IndicatorRule } from './indicators.js';
import type { IndicatorKind, Scheme } from './scheme.js';

/** One indicator in a unit's breakdown: its weight, the share earned, the points and the facts. */
export interface IndicatorScore {
  kind: IndicatorKind;
  weight: string;
  rule: IndicatorRule;
  /** Share of the weight earned, 4 places. */
  ratio: string;
  /** weight × share, rounded half up to 2 places: what the total adds up. */
  points: string;
  counted: number;
  facts: FactLine[];
}

export interface AdjustmentLine {
  ref: string;
  points: string;
  reason: string;
  evidence: string | null;
}

/** A unit's score for a period, explained: the total is exactly its indicators' points plus its adjustments. */
export interface UnitScore {
  unitId: string;
  unitName: string;
  total: string;
  indicatorTotal: string;
  /** 加分 and 扣分 as applied (after the scheme's caps); `deduction` is a positive number taken off. */
  bonus: string;
  deduction: string;
  indicators: IndicatorScore[];
  adjustments: AdjustmentLine[];
  /** No fact at all behind any indicator: scored by the stated rules, but not ranked. */
  noFacts: boolean;
}

const pts = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * Scores one unit under a scheme. Each indicator earns weight × share, rounded to the cent; the
 * total is their sum plus 加分 (at most `bonusCap`) minus 扣分 (at most `deductionCap`, and never
 * below 0), so a breakdown always adds up to its total exactly and nothing is ever NaN.
 */
export function scoreUnit(scheme: Pick<Scheme, 'indicators' | 'rules'>, facts: UnitFacts, asOf: IsoDate, cal: WorkdayCalendar): UnitScore {
  const indicators = scheme.indicators.map((ind): IndicatorScore => {
    const s = indicatorShare(ind.kind, facts, asOf, cal);
    return {
      kind: ind.kind,
      weight: new Decimal(ind.weight).toFixed(2),
      rule: s.rule,
      ratio: s.ratio.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
      points: pts(new Decimal(ind.weight).times(s.ratio)).toFixed(2),
      counted: s.counted,
      facts: s.facts,
    };
  });
  const indicatorTotal = indicators.reduce((s, i) => s.plus(i.points), new Decimal(0));
  const adds = facts.adjustments.reduce((s, a) => (new Decimal(a.points).gt(0) ? s.plus(a.points) : s), new Decimal(0));
  const takes = facts.adjustments.reduce((s, a) => (new Decimal(a.points).lt(0) ? s.minus(a.points) : s), new Decimal(0));
  const bonus = pts(Decimal.min(adds, scheme.rules.bonusCap));
  const deduction = pts(Decimal.min(takes, scheme.rules.deductionCap, indicatorTotal.plus(bonus)));
  return {
    unitId: facts.unitId,
    unitName: facts.unitName,
    total: indicatorTotal.plus(bonus).minus(deduction).toFixed(2),
    indicatorTotal: indicatorTotal.toFixed(2),
    bonus: bonus.toFixed(2),
    deduction: deduction.toFixed(2),
    indicators,
    adjustments: facts.adjustments.map((a) => ({ ref: a.ref, points: new Decimal(a.points).toFixed(2), reason: a.reason, evidence: a.evidence })),
    noFacts: !hasFacts(facts),
  };
}
