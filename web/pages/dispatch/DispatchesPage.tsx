import { useState } from 'react';
import { Button, Flex, Segmented, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { listDispatches, type Dispatch } from '../../api/dispatch.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DispatchFormModal } from './DispatchFormModal.js';
import { DispatchStatusTag } from './DispatchStatusTag.js';
import { UnreportedCard } from './UnreportedCard.js';

/**
 * 调度令: the office's orders, the leaders' 批示 and the meetings' 议定事项 with how many units have
 * replied (the address keeps `?kind=instruction` or `?kind=decision` to list one kind alone), the
 * create form, and 本期未报送.
 */
export function DispatchesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind = asked === 'instruction' || asked === 'decision' || asked === 'follow_up' || asked === 'directive' ? asked : undefined;
  const list = useQuery({ queryKey: qk.dispatches.list({ kind }), queryFn: () => listDispatches({ kind }) });
  const [creating, setCreating] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const mayCreate = can(list.data?.policies, 'create');
  return (
    <Flex vertical gap={16}>
      <PageCard
        title={t('dispatch.listTitle')}
        testId="dispatches-page"
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="dispatch-new">
              {t('dispatch.new')}
            </Button>
          )
        }
      >
        <Segmented
          style={{ marginBottom: 12 }}
          value={kind ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { kind: v })}
          options={[
            { value: 'all', label: t('dispatch.filter.all') },
            { value: 'instruction', label: t('dispatch.kind.instruction') },
            { value: 'decision', label: t('dispatch.kind.decision') },
            { value: 'directive', label: t('dispatch.kind.directive') },
            { value: 'follow_up', label: t('dispatch.kind.follow_up') },
          ]}
          data-testid="dispatch-kind-filter"
        />
        <ResponsiveTable<Dispatch>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('dispatch.empty') }}
          columns={[
            {
              title: t('dispatch.title'),
              key: 'title',
              render: (_, d) => (
                <Flex vertical>
                  <Link to={`/dispatches/${d.id}`} style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }} data-testid="dispatch-link">
                    {d.title}
                  </Link>
                  {d.kind !== 'question' && d.kind !== 'figures' && d.kind !== 'action' && (
                    <Typography.Text type="secondary" style={{ maxWidth: 360 }} ellipsis>
                      {d.kind === 'instruction' ? `${d.issuedByName ?? ''}：${d.content}` : d.content}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('light.title'), key: 'light', render: (_, d) => <LightTag light={d.light} /> },
            { title: t('dispatch.kind'), key: 'kind', render: (_, d) => <Tag>{t(`dispatch.kind.${d.kind}`)}</Tag> },
            { title: t('dispatch.status'), key: 'status', render: (_, d) => <DispatchStatusTag status={d.status} /> },
            { title: t('dispatch.deadline'), key: 'deadline', render: (_, d) => formatDate(d.deadline) },
            { title: t('dispatch.units'), key: 'replied', render: (_, d) => t('dispatch.replied', { replied: d.repliedCount, total: d.unitCount }) },
            { title: t('dispatch.sentAt'), key: 'sentAt', render: (_, d) => formatDateTime(d.sentAt) || '—' },
          ]}
        />
        {creating && <DispatchFormModal onClose={() => setCreating(false)} />}
      </PageCard>
      <UnreportedCard canCreate={mayCreate} />
    </Flex>
  );
}
