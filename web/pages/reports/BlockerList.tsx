import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Blocker } from '../../api/workTypes.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../work/itemPath.js';
import { BlockerActions } from './BlockerActions.js';

/**
 * Blockers with their level (unit → task force → HQ → leading group) and state. With `actionable`
 * (the user's role may escalate or resolve at all), open ones get the buttons their row allows;
 * with `showItem` (lists across items) each names its task, target or project with a link.
 */
export function BlockerList({ blockers, empty, actionable = false, showItem = false }: { blockers: Blocker[]; empty?: string; actionable?: boolean; showItem?: boolean }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      // Keyed by id, not by position: when a decided blocker leaves the list, the next one's open dialog keeps what was picked in it.
      rowKey="id"
      dataSource={blockers}
      locale={{ emptyText: empty ?? t('item.noBlockers') }}
      renderItem={(b) => (
        <List.Item key={b.id} data-testid="blocker" data-blocker={b.id} data-level={b.level} data-status={b.status}>
          <div style={{ minWidth: 0 }}>
            <Tag color={b.status === 'open' ? 'volcano' : 'green'} data-testid="blocker-status">
              {t(b.status === 'open' ? 'blocker.open' : 'blocker.resolved')}
            </Tag>
            <Tag data-testid="blocker-level">{t(`blocker.level.${b.level}`)}</Tag>
            <Typography.Text strong>{b.title}</Typography.Text>
            {showItem && b.itemTitle && (
              <div>
                <Link to={itemPath(b.itemType, b.itemId)} data-testid="blocker-item">
                  {b.itemTitle}
                </Link>
              </div>
            )}
            {b.detail && <div style={{ whiteSpace: 'pre-wrap' }}>{b.detail}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {b.unitName} · {formatDate(b.raisedAt)}
            </Typography.Text>
            {b.instruction && (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="blocker-instruction">
                <Typography.Text type="warning">{t('blocker.instructedAs', { date: b.instructedAt ? formatDate(b.instructedAt) : '—', text: b.instruction })}</Typography.Text>
              </div>
            )}
            {b.resolution && (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="blocker-resolution">
                {t('blocker.resolvedAs', { date: b.resolvedAt ? formatDate(b.resolvedAt) : '—', text: b.resolution })}
              </div>
            )}
            {b.decidedByName && (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('blocker.decidedBy', { name: b.decidedByName })}
              </Typography.Text>
            )}
            {actionable && b.status === 'open' && <BlockerActions blocker={b} />}
          </div>
        </List.Item>
      )}
    />
  );
}
