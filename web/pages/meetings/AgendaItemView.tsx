import { Flex, Tag, Typography } from 'antd';
import type { AgendaItem, MeetingDetail } from '../../api/meetings.js';
import { chineseNumeral } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AgendaItemActions } from './AgendaItemActions.js';
import { AgendaReview } from './AgendaReview.js';
import { HearingSnapshot } from './HearingSnapshot.js';

/**
 * One agenda item, numbered as the pack numbers it: its kind and title, then what it puts before
 * the meeting (the status heard, the plan reviewed and its outcome), and its notes.
 */
export function AgendaItemView({ meeting, item, n, mayEdit, reload }: { meeting: MeetingDetail; item: AgendaItem; n: number; mayEdit: boolean; reload: () => Promise<void> }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="agenda-item" data-kind={item.kind} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, minWidth: 0 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex gap={6} align="baseline" wrap style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Typography.Text strong>{lang === 'zh-CN' ? `${chineseNumeral(n)}、` : `${n}.`}</Typography.Text>
          <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="agenda-kind-tag">
            {t(`agenda.kind.${item.kind}`)}
          </Tag>
          <Typography.Text strong style={{ wordBreak: 'break-word' }} data-testid="agenda-item-title">
            {item.title}
          </Typography.Text>
        </Flex>
        {mayEdit && <AgendaItemActions meetingId={meeting.id} item={item} reload={reload} />}
      </Flex>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {item.kind === 'hearing' && <HearingSnapshot meetingId={meeting.id} item={item} mayRefresh={mayEdit} />}
        {item.kind === 'review' && <AgendaReview meetingId={meeting.id} item={item} />}
        {item.note && (
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="agenda-note">
            {t('agenda.noteLine', { note: item.note })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
