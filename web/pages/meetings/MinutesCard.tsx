import { useEffect, useState } from 'react';
import { Button, Flex, Input, Typography } from 'antd';
import { LIMITS } from '../../../domain/limits.js';
import { updateMeeting, type MeetingDetail } from '../../api/meetings.js';
import { can, type Policies } from '../../api/types.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useMeetingWrite } from './useMeetingWrite.js';

/** 会议纪要: its text, written here while the meeting is open (the downloaded minutes add the outcomes and decisions), read once issued. */
export function MinutesCard({ meeting, policies }: { meeting: MeetingDetail; policies: Policies }) {
  const { t } = useI18n();
  const { busy, run } = useMeetingWrite();
  const [text, setText] = useState(meeting.minutes);
  // The saved text replaces the draft only when it changes (another editor's save, a reload), not on every change to the meeting.
  useEffect(() => setText(meeting.minutes), [meeting.minutes]);

  const save = () => run(() => updateMeeting(meeting.id, { version: meeting.version, minutes: text.trim() }), t('minutes.saved'));

  return (
    <PageCard title={t('minutes.title')} testId="meeting-minutes">
      {can(policies, 'update') ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 16 }}
            maxLength={LIMITS.text}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('minutes.placeholder')}
            data-testid="meeting-minutes-text"
          />
          <Flex justify="flex-end">
            <Button type="primary" loading={busy} disabled={text.trim() === meeting.minutes} onClick={() => void save()} data-testid="meeting-minutes-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      ) : meeting.minutes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="meeting-minutes-read">
          {meeting.minutes}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('minutes.empty')}</Typography.Text>
      )}
    </PageCard>
  );
}
