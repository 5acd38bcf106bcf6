import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LIMITS } from '../../../domain/limits.js';
import { ApiError } from '../../api/client.js';
import { getCaseComplaint, replyComplaint } from '../../api/complaints.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { CaseComplaintFiles } from './CaseComplaintFiles.js';

/**
 * The complaint a case came from (营商环境投诉): who complained and how to reach them — the
 * oversight role's alone —, the files it came with, and the 公开答复 the complainant reads by the
 * tracking code.
 */
export function CaseComplaintCard({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: qk.oversight.complaint(caseId), queryFn: () => getCaseComplaint(caseId) });
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Card size="small" loading title={t('complaint.card')} />;
  const { data: c, policies } = q.data;
  const text = draft ?? c.reply ?? '';

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await replyComplaint(caseId, text);
      setDraft(null);
      await q.refetch();
      void message.success(t('complaint.replySaved'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('complaint.card')} data-testid="case-complaint" extra={<Tag>{t(`complaint.status.${c.status}`)}</Tag>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('complaint.enterprise')}>
          <span data-testid="complaint-enterprise">{c.enterprise}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.contactPerson')}>{c.contactPerson}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.contact')}>{c.contact}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.environment')}>{t(`complaint.environment.${c.environment}`)}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.unitName')}>{c.unitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.trackingCode')}>{c.trackingCode}</Descriptions.Item>
        <Descriptions.Item label={t('complaint.submittedOn')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
        {c.repliedAt && <Descriptions.Item label={t('complaint.repliedOn')}>{formatDateTime(c.repliedAt)}</Descriptions.Item>}
        <Descriptions.Item label={t('complaint.attachments')} span={{ xs: 1, sm: 2 }}>
          <CaseComplaintFiles caseId={caseId} files={c.files} />
        </Descriptions.Item>
      </Descriptions>
      {can(policies, 'reply') && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('complaint.publicReply')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('complaint.publicReplyHint')}
          </Typography.Text>
          <Input.TextArea rows={3} maxLength={LIMITS.text} value={text} onChange={(e) => setDraft(e.target.value)} data-testid="public-reply-input" />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Button type="primary" disabled={!text.trim() || text === c.reply} loading={busy} onClick={() => void save()} data-testid="public-reply-save" style={{ alignSelf: 'flex-start' }}>
            {t('complaint.saveReply')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
