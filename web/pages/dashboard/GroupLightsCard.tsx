import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { DashboardData } from '../../api/dashboard.js';
import { LazyEChart } from '../../components/LazyEChart.js';
import { useI18n } from '../../i18n/useI18n.js';
import { inRegion, lightBarGroups, lightBars } from './dashboardCharts.js';

type Groups = DashboardData['byArea'] | DashboardData['byRegion'];

/**
 * One grouping's lights as stacked bars (plans, areas, task forces, units or districts); a bar opens the
 * task list filtered to its group. Nothing to show, no card: a slice without task forces has no
 * task-force chart.
 */
export function GroupLightsCard(props: {
  title: string;
  groups: Groups;
  /** The task list's filter a bar opens; or `onPick` does what a bar's click means (a district's bar drills into it). */
  filter?: 'plan' | 'area' | 'taskForce' | 'unit';
  onPick?: (id: string) => void;
  testId: string;
  chartTestId: string;
  extra?: ReactNode;
  /** The region the dashboard drilled into: the task list opens within it. */
  region?: string | undefined;
}) {
  const { title, groups, filter, onPick, testId, chartTestId, extra, region } = props;
  const { t } = useI18n();
  const navigate = useNavigate();
  const shown = lightBarGroups(groups);
  if (!shown.length) return null;
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <LazyEChart
        option={lightBars(groups, t)}
        height={Math.max(200, shown.length * 28 + 60)}
        testId={chartTestId}
        onClick={({ dataIndex }) => {
          const g = shown[dataIndex];
          if (g && onPick) onPick(g.id);
          else if (g && filter) void navigate(inRegion(`/tasks?${filter}=${g.id}`, region));
        }}
      />
    </Card>
  );
}
