import { Button, Flex, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { retakeSnapshot, type AgendaItem, type StatusSnapshot } from '../../api/meetings.js';
import { LightCountTags } from '../../components/LightCountTags.js';
import { LightTag } from '../../components/LightTag.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useMeetingWrite } from './useMeetingWrite.js';

/**
 * 听取汇报: who reports, and their status as it stood when the item was added (frozen: the pack
 * shows what the meeting heard, not what changed since): items by light, open blockers, reports
 * accepted lately, and the red and yellow items with their reasons. 重新获取 takes it again.
 */
export function HearingSnapshot({ meetingId, item, mayRefresh }: { meetingId: string; item: AgendaItem; mayRefresh: boolean }) {
  const { t } = useI18n();
  const { busy, run } = useMeetingWrite();
  const s = item.snapshot;
  const refresh = () => run(() => retakeSnapshot(meetingId, item.id, item.version), t('agenda.snapshotRefreshed'));

  return (
    <Flex vertical gap={8} style={{ background: '#fafafa', borderRadius: 6, padding: 10, minWidth: 0 }} data-testid="agenda-snapshot">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text>
          {t('agenda.heard')}
          <strong data-testid="agenda-subject">{s?.subjectName ?? item.subjectName}</strong>
        </Typography.Text>
        {mayRefresh && (
          <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={() => void refresh()} data-testid="agenda-snapshot-refresh">
            {t('agenda.snapshotRefresh')}
          </Button>
        )}
      </Flex>
      {s && <SnapshotFacts s={s} />}
    </Flex>
  );
}

function SnapshotFacts({ s }: { s: StatusSnapshot }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text type="secondary" data-testid="agenda-snapshot-at">
        {t('agenda.snapshotAt', { time: formatDateTime(s.takenAt) })}
      </Typography.Text>
      <LightCountTags counts={s.counts} testId="agenda-snapshot-counts" />
      <Flex wrap gap={6}>
        <Tag color={s.openBlockers > 0 ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="agenda-snapshot-blockers">
          {t('agenda.openBlockers', { n: s.openBlockers })}
        </Tag>
        <Tag style={{ marginInlineEnd: 0 }} data-testid="agenda-snapshot-reports">
          {t('agenda.acceptedReports', { n: s.acceptedReports })}
        </Tag>
      </Flex>
      {s.items.length === 0 ? (
        <Typography.Text type="secondary">{t('agenda.snapshotNoItems')}</Typography.Text>
      ) : (
        <Flex vertical gap={4} data-testid="agenda-snapshot-items">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('agenda.snapshotItems')}
          </Typography.Text>
          {s.items.map((it) => (
            <Flex key={`${it.itemType}:${it.code}`} gap={6} wrap align="baseline" style={{ minWidth: 0 }} data-testid="agenda-snapshot-item">
              <LightTag light={it.light} />
              <Typography.Text type="secondary">
                {t(`itemType.${it.itemType}`)} {it.code}
              </Typography.Text>
              <Typography.Text style={{ wordBreak: 'break-word' }}>{it.title}</Typography.Text>
              {it.reasons.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
                  {it.reasons.join('；')}
                </Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </>
  );
}
