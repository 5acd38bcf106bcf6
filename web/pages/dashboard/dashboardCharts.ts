import { BLOCKER_AGES } from '../../../domain/dashboard.js';
import type { Light } from '../../../domain/lights.js';
import { BLOCKER_LEVELS } from '../../../domain/work.js';
import type { DashboardData } from '../../api/dashboard.js';
import type { ChartOption } from '../../components/LazyEChart.js';
import { LIGHT_DOT } from '../../components/LightTag.js';
import type { I18n } from '../../i18n/I18nProvider.js';

type Translate = I18n['t'];

/** Most urgent first, as in the overview. */
const ORDER: readonly Light[] = ['red', 'yellow', 'green', 'done', 'not_started'];
/** Any grouping's lines: their names and light counts are all a bar needs. */
type Rollup = readonly Pick<DashboardData['byArea'][number], 'id' | 'name' | 'counts'>[];

/** Groups (areas or task forces) as horizontal bars stacked by light, worst groups on top. */
export function lightBars(rows: Rollup, t: Translate): ChartOption {
  const shown = rows.filter((r) => ORDER.some((l) => r.counts[l] > 0));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: ORDER.map((l) => ({ name: t(`light.${l}`), type: 'bar', stack: 'lights', itemStyle: { color: LIGHT_DOT[l] }, data: shown.map((r) => r.counts[l]) })),
  };
}

/** Which group a bar of lightBars is (the same filter as the chart). */
export const lightBarGroups = (rows: Rollup) => rows.filter((r) => ORDER.some((l) => r.counts[l] > 0));

const AGE_COLOR = { fresh: '#91caff', waiting: '#faad14', stuck: '#cf1322' } as const;

/** Unresolved blockers per level, stacked by how long they have waited there. */
export function blockerBars(b: DashboardData['blockers'], t: Translate): ChartOption {
  const n = (level: string, age: string) => b.unresolved.find((c) => c.level === level && c.age === age)?.n ?? 0;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: BLOCKER_LEVELS.map((l) => t(`blocker.level.${l}`)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: BLOCKER_AGES.map((age) => ({ name: t(`dashboard.age.${age}`), type: 'bar', stack: 'age', itemStyle: { color: AGE_COLOR[age] }, data: BLOCKER_LEVELS.map((l) => n(l, age)) })),
  };
}

/** Investment done each month of the year (万元), with the year's plan spread evenly as a line to compare. */
export function investmentBars(inv: DashboardData['investment'], t: Translate): ChartOption {
  const months = Array.from({ length: 12 }, (_, i) => `${inv.year}-${String(i + 1).padStart(2, '0')}`);
  const done = new Map(inv.byMonth.map((m) => [m.month, Number(m.done)]));
  let sum = 0;
  const cumulative = months.map((m) => (sum += done.get(m) ?? 0));
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.slice(5)) },
    yAxis: { type: 'value' },
    series: [
      { name: t('dashboard.investmentMonth'), type: 'bar', data: months.map((m) => done.get(m) ?? 0), itemStyle: { color: '#1a4fa0' } },
      { name: t('dashboard.investmentCumulative'), type: 'line', data: cumulative, itemStyle: { color: '#d4380d' } },
      {
        name: t('dashboard.investmentPlan'),
        type: 'line',
        data: months.map((_, i) => Math.round((Number(inv.planned) * (i + 1)) / 12)),
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#8c8c8c' },
        symbol: 'none',
      },
    ],
  };
}

/** A list's address as the dashboard opens it: within the region drilled into, if any (the list takes `region`). */
export function inRegion(path: string, region: string | undefined): string {
  return region ? `${path}${path.includes('?') ? '&' : '?'}region=${encodeURIComponent(region)}` : path;
}
