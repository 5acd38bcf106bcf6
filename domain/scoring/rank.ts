import Decimal from 'decimal.js';
import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import type { UnitFacts } from './facts.js';
import type { IndicatorKind, Scheme, SchemeRules } from './scheme.js';
import { scoreUnit, type UnitScore } from './score.js';

export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
/** 优秀 / 良好 / 一般 / 较差. */
export type Grade = (typeof GRADES)[number];
/** 红榜 (骏马奖) and 黑榜 (蜗牛奖). */
export type Honour = 'red' | 'black';

/** 比学赶超: how far the unit directly above is, in total and indicator by indicator (negative: ahead). */
export interface DistanceAbove {
  unitId: string;
  unitName: string;
  total: string;
  indicators: { kind: IndicatorKind; gap: string }[];
}

export interface RankedUnit extends UnitScore {
  /** null for a unit without facts: it is listed, not ranked. */
  rank: number | null;
  grade: Grade | null;
  honour: Honour | null;
  above: DistanceAbove | null;
}

/** The grade a total earns under the scheme's thresholds (a threshold reached is the grade). */
export function gradeOf(total: string, rules: Pick<SchemeRules, 'excellent' | 'good' | 'fair'>): Grade {
  const t = new Decimal(total);
  if (t.gte(rules.excellent)) return 'excellent';
  if (t.gte(rules.good)) return 'good';
  if (t.gte(rules.fair)) return 'fair';
  return 'poor';
}

const byName = (a: { unitName: string }, b: { unitName: string }) => a.unitName.localeCompare(b.unitName, 'zh-CN');

/**
 * Ranks a category's scores. Tie rule: equal totals share a rank and the next rank skips (1, 2, 2,
 * 4); tied units are listed by name. Units without facts are listed last, unranked and ungraded.
 * 红榜: ranks 1…redCount. 黑榜: the units with fewer than blackCount ranked units below them, not
 * already on the 红榜, and only in a category of at least two ranked units. The unit above is the
 * lowest-scoring unit with a strictly higher total.
 */
export function rankScores(scores: readonly UnitScore[], rules: SchemeRules): RankedUnit[] {
  const ranked = scores.filter((s) => !s.noFacts).sort((a, b) => new Decimal(b.total).cmp(a.total) || byName(a, b));
  const unranked = scores.filter((s) => s.noFacts).sort(byName);
  const out: RankedUnit[] = ranked.map((s, i) => {
    const rank = ranked.findIndex((o) => new Decimal(o.total).eq(s.total)) + 1;
    const below = ranked.length - (ranked.findLastIndex((o) => new Decimal(o.total).eq(s.total)) + 1);
    const aboveUnit = ranked.slice(0, i).findLast((o) => new Decimal(o.total).gt(s.total)) ?? null;
    const red = rank <= rules.redCount;
    const black = !red && ranked.length >= 2 && below < rules.blackCount;
    return { ...s, rank, grade: gradeOf(s.total, rules), honour: red ? 'red' : black ? 'black' : null, above: aboveUnit ? distance(aboveUnit, s) : null };
  });
  return out.concat(unranked.map((s) => ({ ...s, rank: null, grade: null, honour: null, above: null })));
}

function distance(above: UnitScore, me: UnitScore): DistanceAbove {
  return {
    unitId: above.unitId,
    unitName: above.unitName,
    total: new Decimal(above.total).minus(me.total).toFixed(2),
    indicators: me.indicators.map((i) => {
      const theirs = above.indicators.find((o) => o.kind === i.kind)?.points ?? '0';
      return { kind: i.kind, gap: new Decimal(theirs).minus(i.points).toFixed(2) };
    }),
  };
}

/** Scores and ranks every unit of a category for a period: the result the assessor computes and publishes. */
export function assessCategory(scheme: Scheme, facts: readonly UnitFacts[], asOf: IsoDate, cal: WorkdayCalendar): RankedUnit[] {
  return rankScores(
    facts.map((f) => scoreUnit(scheme, f, asOf, cal)),
    scheme.rules,
  );
}
