import type { Lang } from '../../../domain/enums.js';
import { investmentByMonth, yearInvestment } from '../../../domain/investment.js';
import type { ProjectStage } from '../../../domain/work.js';
import type { LoadedProject, ProjectRow } from '../../models/planning.js';
import { presentLight, presentReasons } from './light.js';

type StageDate = { planned?: string | null; actual?: string | null };

/** A project as lists show it, with this year's investment (`inv`: its plan and done months for `year`). */
export function presentProject(p: ProjectRow, lang: Lang, year: number, inv: { planned: string | null; done: readonly string[] }) {
  const dates = (p.stageDates ?? {}) as Record<string, StageDate>;
  return {
    id: p.id,
    planId: p.planId,
    areaId: p.areaId,
    code: p.code,
    name: p.name,
    ownerEnterprise: p.ownerEnterprise,
    location: p.location,
    responsibleUnitId: p.responsibleUnitId,
    responsibleUnitName: p.responsibleUnitName,
    totalInvestment: p.totalInvestment,
    stage: p.stage as ProjectStage,
    stageDates: Object.fromEntries(Object.entries(dates).map(([k, d]) => [k, { planned: d?.planned ?? null, actual: d?.actual ?? null }])),
    lastReportDate: p.lastReportDate,
    light: presentLight(p.light),
    lightReasons: presentReasons(p.lightReasons, lang),
    version: p.version,
    thisYear: yearInvestment(year, inv.planned, inv.done),
  };
}

/** The project page: yearly plan and the monthly chart, planned vs. done, in exact 万元 strings. */
export function presentProjectDetail(l: LoadedProject, lang: Lang, year: number) {
  const chart = investmentByMonth(
    l.yearPlans.map((y) => ({ year: y.year, planned: y.planned })),
    l.months.map((m) => ({ month: m.month, done: m.done })),
  );
  const inv = {
    planned: l.yearPlans.find((y) => y.year === year)?.planned ?? null,
    done: l.months.filter((m) => m.month.startsWith(`${year}-`)).map((m) => m.done),
  };
  return { ...presentProject(l.project, lang, year, inv), yearPlans: l.yearPlans.map((y) => ({ year: y.year, planned: y.planned })), months: chart.months, totals: chart.totals };
}
