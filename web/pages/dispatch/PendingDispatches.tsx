import { useState } from 'react';
import { Button, Card, Empty, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listDispatches } from '../../api/dispatch.js';
import { qk } from '../../api/queryKeys.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ReplyModal } from './ReplyModal.js';

/**
 * 待答复调度令 on a unit's workbench: the orders out to its units that still wait for its reply
 * (a unit's counts are its own rows), soonest deadline first; 答复 opens the reply form right here.
 */
export function PendingDispatches() {
  const { t } = useI18n();
  const [replying, setReplying] = useState<string | null>(null);
  const q = useQuery({ queryKey: qk.dispatches.list({ status: 'sent' }), queryFn: () => listDispatches({ status: 'sent' }), refetchOnWindowFocus: true });
  const pending = (q.data?.data ?? []).filter((d) => d.repliedCount < d.unitCount).sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    <Card size="small" loading={q.isLoading} title={<>{t('dispatch.pendingForUnit')} <Tag>{pending.length}</Tag></>} data-testid="wb-dispatches">
      {pending.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.emptyPending')} />
      ) : (
        <List
          size="small"
          dataSource={pending}
          renderItem={(d) => (
            <List.Item
              data-testid="wb-dispatch-line"
              actions={[
                <Button key="reply" size="small" type="primary" onClick={() => setReplying(d.id)} data-testid="wb-dispatch-reply">
                  {t('dispatch.reply')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<Link to={`/dispatches/${d.id}`}>{d.title}</Link>}
                description={
                  <>
                    {/* Items tracked on one subject share its title (a meeting's decisions, a directive's points): what each asks tells them apart. */}
                    {d.subject && d.content && (
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                        {d.content}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary">
                      {t(`dispatch.kind.${d.kind}`)} · {t('dispatch.deadline')} {formatDate(d.deadline)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {replying && <ReplyModal id={replying} onClose={() => setReplying(null)} />}
    </Card>
  );
}
