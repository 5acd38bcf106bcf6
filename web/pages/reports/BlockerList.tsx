import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { BlockerStatus } from '../../../domain/schemas/blocker.js';
import type { Blocker } from '../../api/workTypes.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { BlockerActions } from './BlockerActions.js';
import { RecordFindingButton } from '../ledger/RecordFindingButton.js';

const STATUS_COLOR: Record<BlockerStatus, string> = { open: 'volcano', assigned: 'gold', resolved: 'blue', closed: 'green' };

/**
 * Blockers with their state, level (unit → task force → HQ → leading group) and kind, what the unit
 * asks for, whom it was given to and by when, and what was decided or done. With `actionable` (the
 * user's role may act on blockers at all) each one not closed gets the buttons its row allows; with
 * `showItem` (lists across items) each names its task, target or project with a link.
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
            <Tag color={STATUS_COLOR[b.status]} data-testid="blocker-status">
              {t(`blocker.status.${b.status}`)}
            </Tag>
            <Tag data-testid="blocker-level">{t(`blocker.level.${b.level}`)}</Tag>
            {b.category !== 'other' && <Tag data-testid="blocker-category">{t(`blocker.category.${b.category}`)}</Tag>}
            <Typography.Text strong>{b.title}</Typography.Text>
            {showItem && b.itemTitle && (
              <div>
                <Link to={itemPath(b.itemType, b.itemId)} data-testid="blocker-item">
                  {b.itemTitle}
                </Link>
              </div>
            )}
            {b.detail && <div style={{ whiteSpace: 'pre-wrap' }}>{b.detail}</div>}
            {b.helpAsked && <div style={{ whiteSpace: 'pre-wrap' }}>{t('blocker.helpAskedAs', { text: b.helpAsked })}</div>}
            {b.items.length > 1 && (
              <div data-testid="blocker-also">
                {t('blocker.alsoItems')}：
                {b.items
                  .filter((i) => i.itemId !== b.itemId)
                  .map((i, n) => (
                    <span key={i.itemId}>
                      {n > 0 && '、'}
                      <Link to={itemPath(i.itemType, i.itemId)}>{i.title ?? '—'}</Link>
                    </span>
                  ))}
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {b.unitName} · {formatDate(b.raisedAt)}
              {b.status !== 'closed' && b.levelSince !== b.raisedAt && ` · ${t('blocker.atLevelSince', { date: formatDate(b.levelSince) })}`}
            </Typography.Text>
            {b.instruction && (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="blocker-instruction">
                <Typography.Text type="warning">{t('blocker.instructedAs', { date: b.instructedAt ? formatDate(b.instructedAt) : '—', text: b.instruction })}</Typography.Text>
              </div>
            )}
            {b.resolverUnitName && b.dueDate && (
              <div data-testid="blocker-assigned">
                {t('blocker.assignedAs', { unit: b.resolverUnitName, date: b.dueDate })}
                {b.assignNote && `：${b.assignNote}`}
              </div>
            )}
            {b.reopenReason && b.status !== 'closed' && (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="blocker-reopened">
                <Typography.Text type="danger">{t('blocker.reopenedAs', { n: b.reopenCount, text: b.reopenReason })}</Typography.Text>
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
            {actionable && b.status !== 'closed' && <BlockerActions blocker={b} />}
            {/* An inspector records a 督查 finding from the blocker in one step: its unit and items come with it. */}
            <RecordFindingButton size="small" style={{ marginTop: 4 }} origin={{ kind: 'blocker', id: b.id, title: b.title, unitIds: [] }} />
          </div>
        </List.Item>
      )}
    />
  );
}
