import Decimal from 'decimal.js';
import type { IsoDate } from '../domain/calendar/days.js';
import { PROJECT_STAGES, type ProjectStage } from '../domain/work.js';
import { allocateMoney } from '../domain/investment.js';
import type { projectMonths, projects, projectYearPlans } from '../server/db/schema/index.js';
import type { DemoRandom } from './workRandom.js';
import { buildReportSeries, lastReportOf, type SeriesOutput } from './workReports.js';
import type { DemoRefs } from './workRefs.js';
import { addDays, daysBetween, maxDate, minDate, type DemoClock } from './workSchedule.js';
import type { DemoProject } from './workProjects.js';

export interface BuiltProjects {
  projects: (typeof projects.$inferInsert & { id: string })[];
  yearPlans: (typeof projectYearPlans.$inferInsert)[];
  months: (typeof projectMonths.$inferInsert)[];
  series: SeriesOutput[];
  late: { projectId: string; unitId: string }[];
}

type StageDates = Partial<Record<ProjectStage, { planned?: IsoDate; actual?: IsoDate }>>;

/** Days from one stage to the next: 谋划 → 签约 → 开工 → 在建, then construction time by size. */
function plannedSchedule(p: DemoProject, c: DemoClock, rng: DemoRandom): Record<ProjectStage, IsoDate> {
  const build = new Decimal(p.total).gt(100000) ? 720 : new Decimal(p.total).gt(20000) ? 450 : 270;
  if (p.pace === 'operating') {
    const operating = addDays(c.today, -rng.int(30, 150));
    const building = addDays(operating, -build + 45);
    const started = addDays(building, -45);
    const signed = addDays(started, -75);
    return { planning: addDays(signed, -60), signed, started, building, operating };
  }
  const planning = p.pace === 'future' ? addDays(c.today, rng.int(20, 80)) : addDays(c.programStart, p.offset * 30 - 60);
  const signed = addDays(planning, 60);
  const started = addDays(signed, 75);
  const building = addDays(started, 45);
  return { planning, signed, started, building, operating: addDays(started, build) };
}

/** Key projects with stage dates, yearly plans (万元, exact) and a monthly report history of investment done. */
export function buildProjects(list: readonly DemoProject[], r: DemoRefs, c: DemoClock, rng: DemoRandom): BuiltProjects {
  const out: BuiltProjects = { projects: [], yearPlans: [], months: [], series: [], late: [] };
  for (const p of list) {
    const id = rng.uuid();
    const planned = plannedSchedule(p, c, rng);
    let reached = -1;
    PROJECT_STAGES.forEach((s, i) => {
      if (planned[s] <= c.today) reached = i;
    });
    if (p.pace === 'slightly_late' || p.pace === 'late') {
      // The next stage was due some workdays ago and has not been reached.
      const next = Math.min(Math.max(reached + 1, 1), PROJECT_STAGES.length - 1);
      planned[PROJECT_STAGES[next]!] = c.cal.addWorkdays(c.today, p.pace === 'late' ? -rng.int(12, 30) : -2);
      reached = next - 1;
    }
    const dates: StageDates = {};
    PROJECT_STAGES.forEach((s, i) => {
      dates[s] = i <= reached ? { planned: planned[s], actual: minDate(addDays(planned[s], rng.int(-5, 4)), c.today) } : { planned: planned[s] };
    });
    const stage = PROJECT_STAGES[Math.max(0, reached)]!;
    out.projects.push({
      id,
      planId: r.planId(p.plan),
      areaId: r.areaId(p.area),
      code: p.code,
      name: p.name,
      ownerEnterprise: p.owner,
      location: p.location,
      responsibleUnitId: r.unitId(p.unit),
      totalInvestment: p.total,
      stage,
      stageDates: dates,
    });
    if (p.pace === 'late') out.late.push({ projectId: id, unitId: r.unitId(p.unit) });

    // Yearly plans: the total spread over the construction days that fall in each year, allocated to
    // the cent so that the years add up to the total (those after the program's third year are not stored).
    const from = planned.signed;
    const to = planned.operating;
    const years: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
    const dayWeights = years.map((y) => {
      const a = maxDate(from, `${y}-01-01`);
      const b = minDate(to, `${y}-12-31`);
      return a <= b ? daysBetween(a, b) + 1 : 0;
    });
    const shares = allocateMoney(p.total, dayWeights);
    const yearPlan = new Map<number, Decimal>();
    years.forEach((y, i) => {
      const share = new Decimal(shares[i]!);
      if (y < c.startYear || y > c.startYear + 2 || !share.gt(0)) return;
      yearPlan.set(y, share);
      out.yearPlans.push({ projectId: id, year: y, planned: share.toFixed(2) });
    });
    if (p.pace === 'future') continue;

    const pace = p.pace === 'late' ? [0.3, 0.7] : p.pace === 'slightly_late' ? [0.6, 1.0] : [0.8, 1.25];
    const operatingOn = dates.operating?.actual;
    const s = buildReportSeries(
      {
        itemType: 'project',
        itemId: id,
        unitId: r.unitId(p.unit),
        kind: 'monthly',
        from: maxDate(dates.signed?.actual ?? dates.planning!.actual ?? planned.planning, c.programStart),
        until: operatingOn ?? null,
        latest: p.pace === 'late' ? 'accepted' : undefined,
        current: null,
        value: (month) => {
          const y = Number(month.slice(0, 4));
          const started = dates.started?.actual;
          const building = !!started && `${month}-31` >= started;
          const monthly = (yearPlan.get(y) ?? new Decimal(0)).div(12);
          const done = building ? monthly.times(pace[0]! + rng.next() * (pace[1]! - pace[0]!)).toDecimalPlaces(2) : new Decimal(0);
          const hit = PROJECT_STAGES.filter((st) => dates[st]?.actual?.startsWith(month)).pop() ?? null;
          return { text: `${month}完成投资${done.toFixed(2)}万元。${hit ? '项目进入新阶段。' : '项目按计划推进。'}`, investment: done.toFixed(2), stage: hit };
        },
        actors: r.actors(p.unit, p.plan),
      },
      c,
      rng,
    );
    out.series.push(s);
    for (const a of s.accepted) out.months.push({ projectId: id, month: a.report.period, done: a.report.investment ?? '0.00', reportId: a.report.id });
    const last = lastReportOf(s);
    out.projects[out.projects.length - 1]!.lastReportDate = last;
  }
  return out;
}
