import { useMemo } from 'react';
import type { TargetDetail } from '../../api/workTypes.js';
import { LazyEChart as EChart, type ChartOption } from '../../components/LazyEChart.js';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * The value axis around every value drawn, the goal and forecast lines included: ECharts sizes the
 * axis to the series only, so a forecast beyond them (one over the goal) fell outside the grid and
 * was not drawn. Ends and ticks on a round step (1, 2, 2.5 or 5 × 10ⁿ), five to seven of them.
 */
function niceSpan(values: readonly number[]): { min?: number; max?: number; interval?: number } {
  if (!values.length) return {};
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const raw = (hi - lo || Math.abs(hi) || 1) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  const round = (x: number) => Number(x.toPrecision(12));
  // Strictly beyond the extremes, so no line lies on the grid's edge (where half of it is clipped).
  return { min: round((Math.ceil(lo / step) - 1) * step), max: round((Math.floor(hi / step) + 1) * step), interval: step };
}

/** Actual vs. planned trajectory per period, with this year's goal and the year-end forecast as lines. */
export function TargetChart({ target, year }: { target: TargetDetail; year: number }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const periods = target.trajectory.filter((p) => p.year === year).map((p) => p.period);
    const actual = new Map(target.actuals.map((a) => [a.period, Number(a.value)]));
    const outlook = target.forecasts.find((f) => f.year === year);
    const marks: { name: string; yAxis: number; lineStyle: { color: string; type: 'dashed' | 'dotted' } }[] = [];
    if (outlook?.goal) marks.push({ name: t('target.goal'), yAxis: Number(outlook.goal), lineStyle: { color: '#cf1322', type: 'dashed' } });
    if (outlook?.value && outlook.basis === 'trend') marks.push({ name: t('target.forecast'), yAxis: Number(outlook.value), lineStyle: { color: '#d48806', type: 'dotted' } });
    const expected = target.trajectory.filter((p) => p.year === year).map((p) => Number(p.expected));
    const shown = [...expected, ...periods.flatMap((p) => (actual.has(p) ? [actual.get(p)!] : [])), ...marks.map((m) => m.yAxis)];
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', scale: true, name: target.measureUnit, ...niceSpan(shown) },
      series: [
        { name: t('target.expected'), type: 'line', data: expected, lineStyle: { type: 'dashed' }, color: '#8c8c8c' },
        {
          name: t('target.actual'),
          type: 'line',
          data: periods.map((p) => actual.get(p) ?? null),
          connectNulls: true,
          color: '#1a4fa0',
          // Four decimals, as the page states them (ECharts rounds to two by default).
          markLine: { symbol: 'none', precision: 4, label: { formatter: '{b}: {c}', position: 'insideEndTop' }, data: marks },
        },
      ],
    };
  }, [target, year, t]);
  return <EChart option={option} testId="target-chart" />;
}
