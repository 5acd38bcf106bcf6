import { useState } from 'react';
import { Button, Descriptions, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getDirective, type DirectiveDetail } from '../../api/directives.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { PointModal } from './DirectiveFormModal.js';

type Point = DirectiveDetail['points'][number];

/** One directive: its source and text, and each point with its units, deadline, light and replies. */
export function DirectivePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.directives.detail(id), queryFn: () => getDirective(id) });
  const [adding, setAdding] = useState(false);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const d = q.data.data;
  return (
    <Flex vertical gap={16} data-testid="directive-page">
      <PageCard title={<span data-testid="directive-page-title">{d.title}</span>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('directive.source')}>{d.source}</Descriptions.Item>
          <Descriptions.Item label={t('directive.docNo')}>{d.docNo || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('directive.receivedOn')}>{formatDate(d.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('directive.by')}>{d.createdByName ?? '—'}</Descriptions.Item>
          {/* Under a label of its own: unlabelled, the text read as the rest of 登记人. */}
          {d.body && (
            <Descriptions.Item label={t('directive.body')} span="filled">
              <span style={{ whiteSpace: 'pre-wrap' }}>{d.body}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </PageCard>
      <PageCard
        title={t('directive.points')}
        testId="directive-points"
        extra={
          can(q.data.policies, 'addPoint') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="directive-point-new">
              {t('directive.pointAdd')}
            </Button>
          )
        }
      >
        <ResponsiveTable<Point>
          rowKey="id"
          size="small"
          dataSource={d.points}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('directive.noPoints') }}
          columns={[
            { title: t('directive.pointContent'), key: 'content', render: (_, p) => <span style={{ display: 'inline-block', maxWidth: 520, whiteSpace: 'pre-wrap' }} data-testid="directive-point-row">{p.content}</span> },
            { title: t('directive.pointUnits'), key: 'units', render: (_, p) => p.unitNames.join('、') },
            { title: t('directive.pointDeadline'), key: 'deadline', render: (_, p) => formatDate(p.deadline) },
            { title: t('light.title'), key: 'light', render: (_, p) => <LightTag light={p.light} /> },
            {
              title: t('directive.replies'),
              key: 'replies',
              render: (_, p) => <Link to={`/dispatches/${p.id}`}>{t('dispatch.replied', { replied: p.repliedCount, total: p.unitCount })}</Link>,
            },
          ]}
        />
      </PageCard>
      {adding && <PointModal directiveId={d.id} onClose={() => setAdding(false)} />}
    </Flex>
  );
}
