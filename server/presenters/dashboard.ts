import Decimal from 'decimal.js';
import { verdictCounts, type DashboardPeriod } from '../../domain/dashboard.js';
import { yearOutlook } from '../../domain/targetOutlook.js';
import { PROJECT_STAGES, type Direction, type ProjectStage, type TargetAccumulation, type TargetPeriod } from '../../domain/work.js';
import type { DashboardFacts, DashboardTarget } from '../models/dashboard.js';
import type { OutlookFacts } from '../models/planning.js';
import { presentCounts } from './planning/light.js';
import { presentRollup } from './planning/rollup.js';

const money = (v: string | number) => new Decimal(v).toFixed(2);

function outlook(t: DashboardTarget, facts: OutlookFacts | undefined, year: number) {
  const input = { baseline: t.baseline, goals: facts?.goals ?? [], period: t.period as TargetPeriod, direction: t.direction as Direction, accumulation: t.accumulation as TargetAccumulation };
  return yearOutlook(input, year, facts?.actuals ?? []);
}

/** The dashboard's panels from its facts: target verdicts and sums are decided here, exactly. */
export function presentDashboard(f: DashboardFacts, today: string, period: { kind: DashboardPeriod; from: string; to: string }) {
  const t = f.targets;
  const thisYear = t.rows.map((r) => outlook(r, t.thisYear.get(r.id), f.year));
  const first = t.rows.map((r) => ({ r, o: outlook(r, t.first.get(r.id), t.firstYear) }));
  const goals = (t.rows[0]?.yearGoals ?? []) as { year: number; title: string }[];
  const done = f.investment.byMonth.reduce((s, m) => s.plus(m.done), new Decimal(0));
  const stages = new Map(f.investment.byStage.map((s) => [s.stage, s]));
  return {
    today,
    period,
    lights: { task: presentCounts(f.lights.task), target: presentCounts(f.lights.target), project: presentCounts(f.lights.project) },
    byArea: f.byArea.map(presentRollup),
    byTaskForce: f.byTaskForce.map(presentRollup),
    blockers: f.blockers,
    overdue: f.overdue,
    targets: {
      year: f.year,
      thisYear: verdictCounts(thisYear),
      firstYear: {
        year: t.firstYear,
        title: goals.find((g) => g.year === t.firstYear)?.title ?? null,
        ...verdictCounts(first.map((x) => x.o)),
        missing: first.filter((x) => x.o.willMeet !== true).map((x) => ({ id: x.r.id, code: x.r.code, name: x.r.name })),
      },
    },
    investment: {
      year: f.year,
      planned: money(f.investment.planned),
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
