import { Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FeedKind } from '../../../domain/feed.js';
import type { FeedEvent } from '../../../domain/schemas/feed.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { FeedLights } from './FeedLights.js';

export const KIND_COLORS: Record<FeedKind, string> = { report: 'green', claim: 'blue', blocker: 'orange', instruction: 'red', decision: 'magenta', reply: 'cyan', plan: 'purple', light: 'gold' };

/** Where an event's sentence leads: the report itself, else the task, target, project or plan it concerns. */
export function feedLink(e: FeedEvent): string | null {
  if (e.entity === 'report' && e.entityId) return `/reports/${e.entityId}`;
  // A 批示, a decision, a reply: the tracked item's page, where its replies are.
  if (e.entity === 'dispatch' && e.entityId) return `/dispatches/${e.entityId}`;
  if (!e.itemId) return null;
  if (e.itemType === 'plan') return `/plans/${e.itemId}`;
  if (e.itemType === 'task' || e.itemType === 'target' || e.itemType === 'project') return `/${e.itemType}s/${e.itemId}`;
  return null;
}

/** Feed events as rows: time, kind, unit and area, who did what as a link to it, and the lights it changed. */
export function FeedList({ events, loading, compact = false }: { events: FeedEvent[]; loading: boolean; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <List<FeedEvent>
      size="small"
      loading={loading}
      dataSource={events}
      locale={{ emptyText: t('feed.empty') }}
      data-testid="feed-list"
      renderItem={(e) => {
        const to = feedLink(e);
        return (
          <List.Item key={e.id} data-testid="feed-row" data-event-id={e.id} data-action={e.action}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex wrap gap={6} align="center">
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
                <Tag color={KIND_COLORS[e.kind]} style={{ marginInlineEnd: 0 }}>
                  {t(`feed.kind.${e.kind}`)}
                </Tag>
                {e.unitName && <Tag style={{ marginInlineEnd: 0 }}>{e.unitName}</Tag>}
                {!compact && e.areaName && <Typography.Text type="secondary">{e.areaName}</Typography.Text>}
              </Flex>
              {to ? <Link to={to}>{e.sentence}</Link> : <span>{e.sentence}</span>}
              {e.lights && <FeedLights lights={e.lights} compact={compact} />}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
