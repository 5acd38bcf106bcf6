import { useMemo } from 'react';
import type { TargetDetail } from '../../api/workTypes.js';
import { LazyEChart as EChart, type ChartOption } from '../../components/LazyEChart.js';
import { useI18n } from '../../i18n/useI18n.js';

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
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', scale: true, name: target.measureUnit },
      series: [
        { name: t('target.expected'), type: 'line', data: target.trajectory.filter((p) => p.year === year).map((p) => Number(p.expected)), lineStyle: { type: 'dashed' }, color: '#8c8c8c' },
        {
          name: t('target.actual'),
          type: 'line',
          data: periods.map((p) => actual.get(p) ?? null),
          connectNulls: true,
          color: '#1a4fa0',
          markLine: { symbol: 'none', label: { formatter: '{b}: {c}', position: 'insideEndTop' }, data: marks },
        },
      ],
    };
  }, [target, year, t]);
  return <EChart option={option} testId="target-chart" />;
}
