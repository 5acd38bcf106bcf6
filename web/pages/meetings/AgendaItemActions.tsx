import { useState } from 'react';
import { Button, Flex, Popconfirm } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { removeAgendaItem, type AgendaItem } from '../../api/meetings.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AgendaEditModal } from './AgendaEditModal.js';
import { useMeetingWrite } from './useMeetingWrite.js';

/** Edit an item's title and notes, or take it off the agenda (not a 审议 already decided: that is on record). */
export function AgendaItemActions({ meetingId, item, reload }: { meetingId: string; item: AgendaItem; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { busy, run } = useMeetingWrite();
  const [editing, setEditing] = useState(false);
  const remove = () => run(() => removeAgendaItem(meetingId, item.id, item.version), t('agenda.deleted'));

  return (
    <Flex gap={4}>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="agenda-edit">
        {t('common.edit')}
      </Button>
      {!item.outcome && (
        <Popconfirm title={t('agenda.deleteConfirm')} okText={t('agenda.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, 'data-testid': 'agenda-delete-ok' }} onConfirm={() => remove()}>
          <Button size="small" danger loading={busy} icon={<DeleteOutlined />} data-testid="agenda-delete">
            {t('agenda.delete')}
          </Button>
        </Popconfirm>
      )}
      {editing && <AgendaEditModal meetingId={meetingId} item={item} reload={reload} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
