import Decimal from 'decimal.js';
import { verdictCounts, type DashboardPeriod } from '../../domain/dashboard.js';
import { yearOutlook } from '../../domain/targetOutlook.js';
import { PROJECT_STAGES, type Direction, type ProjectStage, type TargetAccumulation, type TargetPeriod } from '../../domain/work.js';
import type { DashboardFacts, DashboardTarget, GroupMovement } from '../models/dashboard.js';
import type { OutlookFacts, RollupGroup } from '../models/planning.js';
import { presentCounts } from './planning/light.js';
import { presentRollup } from './planning/rollup.js';

const money = (v: string | number) => new Decimal(v).toFixed(2);

function outlook(t: DashboardTarget, facts: OutlookFacts | undefined, year: number) {
  const input = { baseline: t.baseline, goals: facts?.goals ?? [], period: t.period as TargetPeriod, direction: t.direction as Direction, accumulation: t.accumulation as TargetAccumulation };
  return yearOutlook(input, year, facts?.actuals ?? []);
}

/** How many units the unit panel shows: the rest are one click away in the overview. */
export const UNITS_SHOWN = 20;

/**
 * How many of the targets missing 首战告捷 the reply names (the page shows twelve; missed and
 * unknown count them all): a province's 1,200 were 95 KB of every reply.
 */
export const MISSING_SHOWN = 12;

/** Roll-up lines with the period's movement of each group. */
function groupsWithMovement(groups: readonly RollupGroup[], moved: Map<string, GroupMovement>) {
  return groups.map((g) => ({ ...presentRollup(g), turnedRed: moved.get(g.id)?.turnedRed ?? 0, recovered: moved.get(g.id)?.recovered ?? 0 }));
}

/** The units most in trouble first: most red, then most yellow, then most turned red in the period. */
function worstUnits(rows: ReturnType<typeof groupsWithMovement>) {
  return rows
    .filter((r) => Object.values(r.counts).some((n) => n > 0))
    .sort((a, b) => b.counts.red - a.counts.red || b.counts.yellow - a.counts.yellow || b.turnedRed - a.turnedRed || a.code.localeCompare(b.code))
    .slice(0, UNITS_SHOWN);
}

/**
 * Districts side by side for a city's or a province's reader, the most in trouble first: by their
 * share of red items, then of yellow (a large district is not worse for having more items), compared
 * as exact fractions.
 */
function districtRanking(groups: readonly RollupGroup[]) {
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return groups
    .map(presentRollup)
    .sort(
      (a, b) =>
        b.counts.red * total(a.counts) - a.counts.red * total(b.counts) || b.counts.yellow * total(a.counts) - a.counts.yellow * total(b.counts) || a.code.localeCompare(b.code),
    );
}

export type DashboardScope = { whole: boolean; units: { id: string; name: string }[]; taskForces: { id: string; name: string }[]; region: { id: string; name: string } | null };

/** The dashboard's panels from its facts: target verdicts and sums are decided here, exactly. */
export function presentDashboard(f: DashboardFacts, today: string, period: { kind: DashboardPeriod; from: string; to: string }, scope: DashboardScope) {
  const units = groupsWithMovement(f.byUnit, f.moved.unit);
  const t = f.targets;
  // A verdict stored with the target's light is used as it is; the others are decided here from their facts.
  const thisYear = t.rows.map((r) => (r.stored ? { willMeet: r.stored.willMeet } : outlook(r, t.thisYear.get(r.id), f.year)));
  const first = t.rows.map((r) => ({ r, o: r.stored ? { willMeet: r.stored.firstWillMeet } : outlook(r, t.first.get(r.id), t.firstYear) }));
  const goals = (t.rows[0]?.yearGoals ?? []) as { year: number; title: string }[];
  const done = f.investment.byMonth.reduce((s, m) => s.plus(m.done), new Decimal(0));
  const stages = new Map(f.investment.byStage.map((s) => [s.stage, s]));
  return {
    today,
    period,
    lights: { task: presentCounts(f.lights.task), target: presentCounts(f.lights.target), project: presentCounts(f.lights.project) },
    scope,
    byPlan: groupsWithMovement(f.byPlan, f.moved.plan),
    byArea: groupsWithMovement(f.byArea, f.moved.area),
    byTaskForce: groupsWithMovement(f.byTaskForce, f.moved.taskForce),
    byUnit: worstUnits(units),
    byRegion: districtRanking(f.byRegion),
    unitsTotal: units.filter((r) => Object.values(r.counts).some((n) => n > 0)).length,
    blockers: f.blockers,
    overdue: f.overdue,
    targets: {
      year: f.year,
      thisYear: verdictCounts(thisYear),
      firstYear: {
        year: t.firstYear,
        title: goals.find((g) => g.year === t.firstYear)?.title ?? null,
        ...verdictCounts(first.map((x) => x.o)),
        missing: first
          .filter((x) => x.o.willMeet !== true)
          .slice(0, MISSING_SHOWN)
          .map((x) => ({ id: x.r.id, code: x.r.code, name: x.r.name })),
      },
    },
    investment: {
      year: f.year,
      planned: f.investment.byStage.reduce((sum, st) => sum.plus(st.planned), new Decimal(0)).toFixed(2),
      done: done.toFixed(2),
      byMonth: f.investment.byMonth.map((m) => ({ month: m.month, done: money(m.done) })),
      byStage: PROJECT_STAGES.map((stage: ProjectStage) => {
        const s = stages.get(stage);
        return { stage, n: s?.n ?? 0, planned: money(s?.planned ?? 0), done: money(s?.done ?? 0) };
      }),
    },
    activity: f.activity,
    movement: f.movement,
  };
}
