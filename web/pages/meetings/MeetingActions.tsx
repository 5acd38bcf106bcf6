import { Button, Flex, Popconfirm } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { closeMeeting, meetingMinutesUrl, meetingPackUrl, type MeetingDetail } from '../../api/meetings.js';
import { can, type Policies } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useMeetingWrite } from './useMeetingWrite.js';

/** The documents (always), and while the meeting is open what the server allows: edit it, issue its minutes (which closes it). */
export function MeetingActions({ meeting, policies, onEdit }: { meeting: MeetingDetail; policies: Policies; onEdit: () => void }) {
  const { t } = useI18n();
  const { busy, run } = useMeetingWrite();
  const close = () => run(() => closeMeeting(meeting.id, meeting.version), t('meeting.closeDone'));

  return (
    <Flex gap={8} wrap>
      <Button icon={<DownloadOutlined />} href={meetingPackUrl(meeting.id)} data-testid="meeting-pack">
        {t('meeting.pack')}
      </Button>
      <Button icon={<DownloadOutlined />} href={meetingMinutesUrl(meeting.id)} data-testid="meeting-minutes-download">
        {t('meeting.minutesDownload')}
      </Button>
      {can(policies, 'update') && (
        <Button onClick={onEdit} data-testid="meeting-edit">
          {t('common.edit')}
        </Button>
      )}
      {can(policies, 'close') && (
        <Popconfirm
          title={t('meeting.close')}
          description={<div style={{ maxWidth: 280 }}>{t('meeting.closeConfirm')}</div>}
          okText={t('meeting.close')}
          cancelText={t('common.cancel')}
          onConfirm={() => close()}
          okButtonProps={{ 'data-testid': 'meeting-close-ok' }}
        >
          <Button type="primary" loading={busy} data-testid="meeting-close">
            {t('meeting.close')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
