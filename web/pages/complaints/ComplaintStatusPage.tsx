import { Alert, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ComplaintStatus } from '../../../domain/complaints.js';
import { ApiError } from '../../api/client.js';
import { lookupComplaint } from '../../api/complaints.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from '../auth/AuthShell.js';
import { TrackingLookup } from './TrackingLookup.js';

const COLOURS: Record<ComplaintStatus, string> = { received: 'blue', handling: 'gold', replied: 'green', closed: 'default' };

/** /public/complaint/:code: the complaint's status and public reply by its tracking code, no login. */
export function ComplaintStatusPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.publicComplaint(code), queryFn: () => lookupComplaint(code), retry: false });
  const c = q.data?.data;
  return (
    <AuthShell title={t('complaint.lookupTitle')} footer={t('complaint.footer')}>
      <Flex vertical gap={16}>
        <TrackingLookup key={code} initial={code} />
        {q.isLoading && <Spin />}
        {q.error && (
          <Alert type={q.error instanceof ApiError && q.error.status === 404 ? 'warning' : 'error'} showIcon data-testid="complaint-lookup-error" title={q.error instanceof ApiError && q.error.status === 404 ? t('complaint.notFound') : q.error.message} />
        )}
        {c && (
          <Descriptions column={1} size="small" bordered data-testid="complaint-status" data-status={c.status}>
            <Descriptions.Item label={t('complaint.trackingCode')}>{c.trackingCode}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.status')}>
              <Tag color={COLOURS[c.status]}>{t(`complaint.status.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaint.environment')}>{t(`complaint.environment.${c.environment}`)}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.submittedOn')}>{c.submittedOn}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.reply')}>
              {c.reply ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="complaint-reply">
                  {c.reply}
                </Typography.Paragraph>
              ) : (
                t('complaint.noReply')
              )}
            </Descriptions.Item>
            {c.repliedOn && <Descriptions.Item label={t('complaint.repliedOn')}>{c.repliedOn}</Descriptions.Item>}
          </Descriptions>
        )}
        <Link to="/public/complaint">{t('complaint.backToForm')}</Link>
      </Flex>
    </AuthShell>
  );
}
