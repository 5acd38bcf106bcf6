import { Card, Flex, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { NoticeSubject } from '../../../domain/notices.js';
import { listNotices } from '../../api/bulletins.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { NoticeActions, SendNoticeButton } from './NoticeActions.js';
import { NoticeTag } from './NoticeTag.js';

/**
 * 催办督办记录 on a late subject's page: the notices sent about it, each with its download and the
 * unit's 签收, and 发催办单/督办单 for whoever may send one while the subject is late.
 */
export function SubjectNotices({ subjectType, subjectId, late }: { subjectType: NoticeSubject; subjectId: string; late: boolean }) {
  const { t } = useI18n();
  const filter = { subjectId, perPage: 50 };
  const q = useQuery({ queryKey: qk.notices.list(filter), queryFn: () => listNotices(filter), retry: false });
  // Whoever may not read notices (a task force) sees no card rather than an error.
  if (!q.data) return null;
  const { data, policies } = q.data;
  const maySend = late && can(policies, 'create');
  if (!data.length && !maySend) return null;
  return (
    <Card size="small" title={t('notice.history')} extra={maySend && <SendNoticeButton subjectType={subjectType} subjectId={subjectId} size="small" />} data-testid="subject-notices">
      {!data.length ? (
        <Typography.Text type="secondary">{t('notice.ladderHelp')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data}
          renderItem={(n) => (
            <List.Item data-testid="subject-notice">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <NoticeTag kind={n.kind} colour={n.colour} />
                  <span>{n.docNumber}</span>
                  <Typography.Text type="secondary">{formatDateTime(n.issuedAt)}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary">
                  {t('notice.workdaysLate')} {n.workdaysLate} · {t('notice.replyBy')} {formatDate(n.replyBy)} · {t(`notice.status.${n.status}`)}
                </Typography.Text>
                <NoticeActions notice={n} mayAcknowledge={can(policies, 'acknowledge')} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
