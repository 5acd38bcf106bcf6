import { Descriptions, Flex, List, Typography } from 'antd';
import type { PromiseRecord, ResponseRequest } from '../../api/promises.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, toUploadFile } from '../reports/EvidenceUpload.js';
import { PromiseStateTag } from './PromiseStateTag.js';

type Line = Pick<PromiseRecord, 'id' | 'enterprise' | 'content' | 'deadline'> & { state: PromiseRecord['state'] | null };

/** A sent (or drafted) answer as read: its words, who drafted and sent it, its evidence and the promises it makes. */
export function AnswerView({ r, promises }: { r: ResponseRequest; promises?: PromiseRecord[] | undefined }) {
  const { t } = useI18n();
  // Sent: the promises as they stand on the ledger; a draft: those it would make.
  const shown: Line[] = promises ?? r.draftPromises.map((p, i) => ({ ...p, id: String(i), state: null }));
  return (
    <Flex vertical gap={8} data-testid="answer-view">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="answer-text">
        {r.answer}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        {r.draftedAt && <Descriptions.Item label={t('request.draftedBy')}>{`${r.draftedByName ?? '—'} · ${formatDateTime(r.draftedAt)}`}</Descriptions.Item>}
        {r.answeredAt && <Descriptions.Item label={t('request.answeredBy')}>{`${r.answeredByName ?? '—'} · ${formatDateTime(r.answeredAt)}`}</Descriptions.Item>}
        {r.evidence.length > 0 && (
          <Descriptions.Item label={t('request.evidence')} span={2}>
            <EvidenceUpload files={r.evidence.map(toUploadFile)} onChange={() => undefined} disabled />
          </Descriptions.Item>
        )}
      </Descriptions>
      {shown.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('request.promises')}</Typography.Text>}
          dataSource={shown}
          renderItem={(p) => (
            <List.Item data-testid="answer-promise">
              <Flex gap={8} wrap align="center">
                {p.state && <PromiseStateTag state={p.state} />}
                <Typography.Text>{p.enterprise}</Typography.Text>
                <Typography.Text>{p.content}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('promise.deadline')}：{p.deadline}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
