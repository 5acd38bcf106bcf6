import { useState } from 'react';
import { Button, Empty, Flex, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '../../api/meetings.js';
import { can, type Policies } from '../../api/types.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AgendaFormModal } from './AgendaFormModal.js';
import { AgendaItemView } from './AgendaItemView.js';

/** 会议议程: the items in their order (一、二、三…), each with what it puts before the meeting; 添加议题 while the meeting is open. */
export function AgendaCard({ meeting, policies, reload }: { meeting: MeetingDetail; policies: Policies; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const mayEdit = can(policies, 'update');
  return (
    <PageCard
      title={
        <>
          {t('agenda.title')} <Tag>{meeting.agenda.length}</Tag>
        </>
      }
      extra={
        mayEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="agenda-add">
            {t('agenda.add')}
          </Button>
        )
      }
      testId="meeting-agenda"
    >
      {meeting.agenda.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agenda.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {meeting.agenda.map((item, i) => (
            <AgendaItemView key={item.id} meeting={meeting} item={item} n={i + 1} mayEdit={mayEdit} reload={reload} />
          ))}
        </Flex>
      )}
      {adding && <AgendaFormModal meeting={meeting} onClose={() => setAdding(false)} />}
    </PageCard>
  );
}
