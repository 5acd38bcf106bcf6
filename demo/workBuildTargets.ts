import Decimal from 'decimal.js';
import { trajectory } from '../domain/targets.js';
import type { ReportStatus } from '../domain/work.js';
import type { targetActuals, targetGoals, targets } from '../server/db/schema/index.js';
import type { DemoRandom } from './workRandom.js';
import { buildReportSeries, type SeriesOutput } from './workReports.js';
import type { DemoRefs } from './workRefs.js';
import type { DemoClock } from './workSchedule.js';
import type { DemoTarget, TargetPace } from './workTargets.js';

export interface BuiltTargets {
  targets: (typeof targets.$inferInsert & { id: string })[];
  goals: (typeof targetGoals.$inferInsert)[];
  actuals: (typeof targetActuals.$inferInsert)[];
  series: SeriesOutput[];
}

/** Share of the planned change an actual reaches, by pace (short: yellow, far short: red). */
const REACH: Record<TargetPace, [number, number]> = { on_track: [0.99, 1.04], short: [0.88, 0.92], far_short: [0.7, 0.78], stale: [0.98, 1.03] };

const decimalsOf = (s: string) => (s.includes('.') ? s.split('.')[1]!.length : 0);

/** Targets with their goals and a report history whose accepted figures are the actuals. */
export function buildTargets(list: readonly DemoTarget[], r: DemoRefs, c: DemoClock, rng: DemoRandom): BuiltTargets {
  const out: BuiltTargets = { targets: [], goals: [], actuals: [], series: [] };
  for (const t of list) {
    const id = rng.uuid();
    const goals = t.goals.map((goal, i) => ({ year: c.startYear + i, goal }));
    out.targets.push({
      id,
      planId: r.planId(t.plan),
      areaId: r.areaId(t.area),
      code: t.code,
      name: t.name,
      measureUnit: t.measureUnit,
      baseline: t.baseline,
      direction: t.direction,
      dataUnitId: r.unitId(t.dataUnit),
      period: t.period,
      accumulation: t.accumulation,
      trajectoryKind: 'linear',
    });
    for (const g of goals) out.goals.push({ targetId: id, year: g.year, goal: g.goal });
    const expected = new Map(trajectory({ baseline: t.baseline, goals, period: t.period, accumulation: t.accumulation }).map((p) => [p.period, new Decimal(p.expected)]));
    const base = new Decimal(t.baseline);
    const places = decimalsOf(t.baseline);
    const [lo, hi] = REACH[t.pace];
    const s = buildReportSeries(
      {
        itemType: 'target',
        itemId: id,
        unitId: r.unitId(t.dataUnit),
        kind: t.period,
        from: `${c.startYear}-01-01`,
        skipLast: t.pace === 'stale' ? 2 : 0,
        // A target off its trajectory shows it through its latest accepted figure.
        latest: t.pace === 'short' || t.pace === 'far_short' ? ('accepted' as ReportStatus) : undefined,
        current: null,
        value: (period) => {
          const e = expected.get(period) ?? base;
          const f = new Decimal(lo + rng.next() * (hi - lo));
          // A level reaches a share of its planned change; a year-to-date figure a share of the plan itself.
          const actual = (t.accumulation === 'level' ? base.plus(e.minus(base).times(f)) : e.times(f)).toDecimalPlaces(places);
          return { text: `${period}${t.name}为${actual.toFixed(places)}${t.measureUnit}（序时目标${e.toDecimalPlaces(places).toFixed(places)}${t.measureUnit}）。`, actual: actual.toFixed(4) };
        },
        actors: r.actors(t.dataUnit, t.plan),
      },
      c,
      rng,
    );
    out.series.push(s);
    for (const a of s.accepted) out.actuals.push({ targetId: id, period: a.report.period, value: a.report.actual ?? '0', reportId: a.report.id, acceptedAt: a.report.acceptedAt! });
  }
  return out;
}
