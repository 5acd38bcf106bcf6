import { Card, Flex, List, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { inRegion } from './dashboardCharts.js';
import type { DashboardData } from '../../api/dashboard.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../../../domain/itemPaths.js';

type Group = DashboardData['byArea'][number];
const GROUPINGS = ['area', 'taskForce', 'plan', 'unit'] as const;
type Grouping = (typeof GROUPINGS)[number];

/**
 * 灯色变化: how many items turned red or yellow, recovered or were done in the period; where they
 * did (by area, task force, plan or unit: the groups that moved, most turned red first), and which
 * turned red and are red still.
 */
export function MovementCard({ movement, groups, region }: { movement: DashboardData['movement']; groups: Record<Grouping, readonly Group[]>; region?: string | undefined }) {
  const { t } = useI18n();
  const [by, setBy] = useState<Grouping>('area');
  const moved = groups[by].filter((g) => g.turnedRed || g.recovered).sort((a, b) => b.turnedRed - a.turnedRed || b.recovered - a.recovered);
  return (
    <Card size="small" title={t('dashboard.movement')} data-testid="dashboard-movement">
      <Flex gap={24} wrap>
        <Link to={inRegion('/tasks?light=red', region)}>
          <Statistic title={t('dashboard.turnedRed')} value={movement.turnedRed} valueStyle={{ color: '#cf1322' }} data-testid="dashboard-turned-red" />
        </Link>
        <Statistic title={t('dashboard.turnedYellow')} value={movement.turnedYellow} valueStyle={{ color: '#d48806' }} />
        <Statistic title={t('dashboard.recovered')} value={movement.recovered} valueStyle={{ color: '#389e0d' }} />
        <Statistic title={t('dashboard.done')} value={movement.done} />
      </Flex>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ margin: '12px 0 4px' }}>
        <Typography.Text type="secondary">{t('dashboard.movedWhere')}</Typography.Text>
        <Segmented size="small" value={by} onChange={(v) => setBy(v)} options={GROUPINGS.map((g) => ({ value: g, label: t(`dashboard.group.${g}`) }))} data-testid="dashboard-moved-by" />
      </Flex>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={moved.slice(0, 8)}
        locale={{ emptyText: t('dashboard.nothingMoved') }}
        data-testid="dashboard-moved-groups"
        columns={[
          { key: 'name', title: t(`dashboard.group.${by}`), render: (_: unknown, g: Group) => <Link to={inRegion(`/tasks?${by}=${g.id}`, region)}>{g.name}</Link> },
          { key: 'red', title: t('dashboard.turnedRed'), align: 'right', width: 90, render: (_: unknown, g: Group) => <Typography.Text type={g.turnedRed ? 'danger' : 'secondary'}>{g.turnedRed}</Typography.Text> },
          { key: 'recovered', title: t('dashboard.recovered'), align: 'right', width: 90, render: (_: unknown, g: Group) => <Typography.Text type={g.recovered ? 'success' : 'secondary'}>{g.recovered}</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
        {t('dashboard.newlyRed')}
      </Typography.Text>
      <List
        size="small"
        dataSource={movement.newlyRed}
        locale={{ emptyText: t('dashboard.noNewlyRed') }}
        renderItem={(m) => (
          <List.Item key={`${m.itemType}:${m.itemId}`} data-testid="dashboard-newly-red-line">
            <Link to={itemPath(m.itemType, m.itemId)} style={{ minWidth: 0, wordBreak: 'break-word' }}>
              {m.code} {m.title}
            </Link>
            <Typography.Text type="secondary">{formatDate(m.at)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
