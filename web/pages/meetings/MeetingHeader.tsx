import { useState } from 'react';
import { Descriptions, Flex } from 'antd';
import type { MeetingDetail } from '../../api/meetings.js';
import type { Policies } from '../../api/types.js';
import { PageCard } from '../../components/PageCard.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { MeetingActions } from './MeetingActions.js';
import { MeetingFormModal } from './MeetingFormModal.js';
import { MeetingKindTag } from './MeetingKindTag.js';
import { MeetingStatusTag } from './MeetingStatusTag.js';

/** The meeting's head: its title, kind and state, when and where, who attends, and what may be done with it now. */
export function MeetingHeader({ meeting: m, policies, reload }: { meeting: MeetingDetail; policies: Policies; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <PageCard
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="meeting-page-title">{m.title}</span>
          <MeetingKindTag kind={m.kind} />
          <MeetingStatusTag status={m.status} testId="meeting-status" />
        </Flex>
      }
      extra={<MeetingActions meeting={m} policies={policies} onEdit={() => setEditing(true)} />}
    >
      <Flex vertical gap={8} data-testid="meeting-facts">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('meeting.heldOn')}>{formatDate(m.heldOn)}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.place')}>{m.place || '—'}</Descriptions.Item>
          {m.bodyName && <Descriptions.Item label={t('meeting.taskForce')}>{m.bodyName}</Descriptions.Item>}
        </Descriptions>
        {/* Lists of names, a line each: in a column of three they squeezed the day and the place. */}
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('meeting.units')}>{m.units.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.attendees')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{m.attendees || '—'}</span>
          </Descriptions.Item>
          {m.closedAt && <Descriptions.Item label={t('meeting.status')}>{t('meeting.closedOn', { name: m.closedByName ?? '', time: formatDateTime(m.closedAt) })}</Descriptions.Item>}
        </Descriptions>
      </Flex>
      {editing && <MeetingFormModal meeting={m} reload={reload} onClose={() => setEditing(false)} />}
    </PageCard>
  );
}
