import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartClick, ChartOption } from './EChart.js';

// ECharts is the heaviest library in the app: it loads in its own chunk when a chart first shows,
// after the page around it has rendered.
const EChart = lazy(async () => ({ default: (await import('./EChart.js')).EChart }));

/** The chart, loaded on demand, with a placeholder of the same height meanwhile. */
export function LazyEChart({ option, height = 320, testId, onClick }: { option: ChartOption; height?: number; testId?: string; onClick?: ChartClick }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <EChart option={option} height={height} {...(testId ? { testId } : {})} {...(onClick ? { onClick } : {})} />
    </Suspense>
  );
}

export type { ChartClick, ChartOption };
