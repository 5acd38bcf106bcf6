import { useState } from 'react';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getDispatch, type DispatchDetail } from '../../api/dispatch.js';
import { qk } from '../../api/queryKeys.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DispatchActions } from './DispatchActions.js';
import { DispatchFormModal } from './DispatchFormModal.js';
import { DispatchStatusTag } from './DispatchStatusTag.js';
import { InstructionsCard } from './InstructionsCard.js';
import { subjectPath } from './subjectPath.js';
import { ReplyForm } from './ReplyForm.js';

type Recipient = DispatchDetail['recipients'][number];
/** How often the reply table asks again while the order is out: the office watches the replies come in. */
const LIVE_MS = 5000;

/** One order: its text, the live reply table (the office sees every unit, a unit its own row), the steps and the unit's reply form. */
export function DispatchPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({
    queryKey: qk.dispatches.detail(id),
    queryFn: () => getDispatch(id),
    refetchInterval: (query) => (query.state.data?.data.status === 'sent' ? LIVE_MS : false),
    refetchOnWindowFocus: true,
  });
  const [editing, setEditing] = useState(false);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const d = q.data.data;
  const mine = d.recipients.filter((r) => r.mayReply);

  return (
    <Flex vertical gap={16} data-testid="dispatch-page">
      <PageCard
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="dispatch-title">{d.title}</span>
            <DispatchStatusTag status={d.status} />
            <Tag>{t(`dispatch.kind.${d.kind}`)}</Tag>
          </Flex>
        }
        extra={<DispatchActions dispatch={d} policies={q.data.policies} onEdit={() => setEditing(true)} />}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          {d.subject && (
            <Descriptions.Item label={t('dispatch.subject')}>
              <Link to={subjectPath(d.subject)} data-testid="dispatch-subject">
                {t(`dispatch.subjectType.${d.subject.type}`)} · {d.subject.title}
              </Link>
            </Descriptions.Item>
          )}
          {d.kind === 'instruction' && <Descriptions.Item label={t('dispatch.issuedBy')}>{d.issuedByName ?? '—'}</Descriptions.Item>}
          <Descriptions.Item label={t('dispatch.deadline')}>{formatDate(d.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.sentAt')}>{formatDateTime(d.sentAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.units')}>
            <span data-testid="dispatch-replied-count">{t('dispatch.replied', { replied: d.repliedCount, total: d.unitCount })}</span>
          </Descriptions.Item>
        </Descriptions>
        {d.content && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.content}</Typography.Paragraph>}
      </PageCard>
      {mine.map((row) => (
        <ReplyForm key={`${row.unitId}:${row.version}`} dispatch={d} row={row} />
      ))}
      <PageCard title={<>{t('dispatch.replyTable')} {d.status === 'sent' && <Typography.Text type="secondary">（{t('dispatch.live')}）</Typography.Text>}</>} testId="dispatch-replies">
        <ResponsiveTable<Recipient>
          rowKey="unitId"
          size="small"
          dataSource={d.recipients}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('dispatch.unit'), dataIndex: 'unitName' },
            {
              title: t('dispatch.replyStatus'),
              key: 'status',
              render: (_, r) => (
                <Flex gap={4} wrap>
                  <Tag color={r.status === 'replied' ? 'success' : 'default'} data-testid="dispatch-row-status">
                    {t(`dispatch.reply.${r.status}`)}
                  </Tag>
                  {r.late && <Tag color="error">{r.lateWorkdays ? t('dispatch.lateDays', { n: r.lateWorkdays }) : t('dispatch.late')}</Tag>}
                </Flex>
              ),
            },
            { title: t(d.kind === 'action' ? 'dispatch.actionDone' : 'dispatch.answer'), key: 'answer', render: (_, r) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.answer ?? ''}</span> },
            ...d.columns.map((c) => ({ title: c.unit ? `${c.label}（${c.unit}）` : c.label, key: `f:${c.key}`, align: 'right' as const, render: (_: unknown, r: Recipient) => r.figures?.[c.key] ?? '' })),
            { title: t('dispatch.repliedAt'), key: 'repliedAt', render: (_, r) => formatDateTime(r.repliedAt) || '—' },
            { title: t('dispatch.chasedCount'), dataIndex: 'chasedCount' },
          ]}
        />
      </PageCard>
      {/* A leader's 批示 on a meeting's 议定事项: written and read here, where its units reply. */}
      {d.kind === 'decision' && <InstructionsCard subjectType="decision" subjectId={d.id} />}
      {editing && <DispatchFormModal dispatch={d} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
