import type { Lang } from '../../../domain/enums.js';
import { trajectory } from '../../../domain/targets.js';
import { latestActual, yearOutlook } from '../../../domain/targetOutlook.js';
import type { Direction, TargetAccumulation, TargetPeriod } from '../../../domain/work.js';
import type { targetActuals } from '../../db/schema/index.js';
import type { LoadedTarget, OutlookFacts, TargetRow } from '../../models/planning.js';
import { presentLight, presentReasons } from './light.js';

/** A target as lists show it: with its newest actual and this year's outlook (`year`: Asia/Shanghai's current year). */
export function presentTarget(t: TargetRow, lang: Lang, facts: OutlookFacts, year: number) {
  const input = { baseline: t.baseline, goals: facts.goals, period: t.period as TargetPeriod, direction: t.direction as Direction, accumulation: t.accumulation as TargetAccumulation };
  return {
    id: t.id,
    planId: t.planId,
    areaId: t.areaId,
    code: t.code,
    name: t.name,
    measureUnit: t.measureUnit,
    baseline: t.baseline,
    direction: t.direction as Direction,
    dataUnitId: t.dataUnitId,
    dataUnitName: t.dataUnitName,
    period: t.period as TargetPeriod,
    accumulation: t.accumulation as TargetAccumulation,
    trajectoryKind: t.trajectoryKind === 'entered' ? ('entered' as const) : ('linear' as const),
    light: presentLight(t.light),
    lightReasons: presentReasons(t.lightReasons, lang),
    version: t.version,
    latestActual: facts.latest,
    thisYear: yearOutlook(input, year, facts.actuals),
  };
}

export function presentActual(a: typeof targetActuals.$inferSelect) {
  return { period: a.period, value: a.value, reportId: a.reportId, acceptedAt: a.acceptedAt.toISOString() };
}

type YearGoal = { year: number; title: string };

/** The chart's data: trajectory (entered points marked), actuals, and each goal year's outlook; 首战告捷 for the first year. */
export function presentTargetDetail(l: LoadedTarget, lang: Lang, year: number) {
  const input = {
    baseline: l.target.baseline,
    goals: l.goals.map((g) => ({ year: g.year, goal: g.goal })),
    period: l.target.period as TargetPeriod,
    entered: new Map(l.entered.map((e) => [e.period, e.expected])),
    direction: l.target.direction as Direction,
    accumulation: l.target.accumulation as TargetAccumulation,
  };
  const actuals = l.actuals.map((a) => ({ period: a.period, value: a.value }));
  const firstYear = l.program.startYear;
  const title = ((l.program.yearGoals ?? []) as YearGoal[]).find((g) => g.year === firstYear)?.title ?? null;
  const latest = latestActual(actuals);
  return {
    ...presentTarget(l.target, lang, { goals: input.goals, actuals, latest }, year),
    goals: input.goals,
    trajectory: trajectory(input).map((p) => ({ ...p, entered: input.entered.has(p.period) })),
    actuals: l.actuals.map(presentActual),
    forecasts: input.goals.map((g) => yearOutlook(input, g.year, actuals)),
    firstYear: { ...yearOutlook(input, firstYear, actuals), title },
  };
}
