import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from '../theme.js';

// Only what the target and project charts draw: the rest of ECharts stays out of the bundle.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Which bar was clicked: its category (dataIndex) and its series (seriesIndex). */
export type ChartClick = (p: { dataIndex: number; seriesIndex: number }) => void;

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption>;

/**
 * An ECharts canvas that follows its container's width (phones included). Import this module only
 * from pages with charts, so ECharts loads with them and never with the login page.
 */
export function EChart({ option, height = 320, testId, onClick }: { option: ChartOption; height?: number; testId?: string; onClick?: ChartClick }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler without re-initialising the chart when the page passes a new function.
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    // Says when the drawing (and its animation) is done: tests read the canvas then, not after a wait.
    const el = ref.current;
    c.on('finished', () => el.setAttribute('data-chart-state', 'finished'));
    c.on('click', (p) => click.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    ref.current?.setAttribute('data-chart-state', 'drawing');
    // The app's font stack, so Chinese labels use the same CJK face as the page; no animation for
    // those who asked their system for less motion.
    const animation = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    chart.current.setOption({ textStyle: { fontFamily: theme.token?.fontFamily }, animation, ...option }, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
