import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import type { ProjectDetail } from '../../api/workTypes.js';
import { LazyEChart as EChart, type ChartOption } from '../../components/LazyEChart.js';
import { todayInZone } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * Planned vs. done investment by month (bars) and their running totals (lines) for one year at a
 * time: the server's totals restart each January, so years side by side would saw-tooth. Months
 * still ahead show no "done" figure rather than a false zero.
 */
export function ProjectChart({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const thisMonth = todayInZone().slice(0, 7);
  const years = [...new Set(project.months.map((m) => m.month.slice(0, 4)))];
  const [year, setYear] = useState(years.includes(thisMonth.slice(0, 4)) ? thisMonth.slice(0, 4) : (years[years.length - 1] ?? ''));
  const option = useMemo<ChartOption>(() => {
    const m = project.months.filter((x) => x.month.startsWith(year));
    const done = (x: (typeof m)[number], v: string) => (x.month > thisMonth ? null : Number(v));
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: m.map((x) => x.month.slice(5)) },
      yAxis: { type: 'value', name: t('project.wan') },
      series: [
        { name: t('project.planned'), type: 'bar', data: m.map((x) => Number(x.planned)), color: '#adc6ff' },
        { name: t('project.done'), type: 'bar', data: m.map((x) => done(x, x.done)), color: '#1a4fa0' },
        { name: t('project.plannedCum'), type: 'line', showSymbol: false, data: m.map((x) => Number(x.plannedCumulative)), lineStyle: { type: 'dashed' }, color: '#8c8c8c' },
        { name: t('project.doneCum'), type: 'line', showSymbol: false, data: m.map((x) => done(x, x.doneCumulative)), color: '#389e0d' },
      ],
    };
  }, [project, year, thisMonth, t]);
  return (
    <>
      {years.length > 1 && <Segmented size="small" value={year} onChange={(v) => setYear(String(v))} options={years} style={{ marginBottom: 8 }} />}
      <EChart option={option} testId="project-chart" />
    </>
  );
}
