import { Card, Flex, List, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { DashboardData } from '../../api/dashboard.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../work/itemPath.js';

/** 灯色变化: how many items turned red or yellow, recovered or were done in the period, and which turned red and are red still. */
export function MovementCard({ movement }: { movement: DashboardData['movement'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('dashboard.movement')} data-testid="dashboard-movement">
      <Flex gap={24} wrap>
        <Link to="/tasks?light=red">
          <Statistic title={t('dashboard.turnedRed')} value={movement.turnedRed} valueStyle={{ color: '#cf1322' }} data-testid="dashboard-turned-red" />
        </Link>
        <Statistic title={t('dashboard.turnedYellow')} value={movement.turnedYellow} valueStyle={{ color: '#d48806' }} />
        <Statistic title={t('dashboard.recovered')} value={movement.recovered} valueStyle={{ color: '#389e0d' }} />
        <Statistic title={t('dashboard.done')} value={movement.done} />
      </Flex>
      <Typography.Text type="secondary">{t('dashboard.newlyRed')}</Typography.Text>
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
