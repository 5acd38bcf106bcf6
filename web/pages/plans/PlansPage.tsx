import { useState } from 'react';
import { Button, Flex, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listPlans } from '../../api/planning.js';
import { can } from '../../api/types.js';
import type { Plan } from '../../api/workTypes.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { PlanFormModal } from './PlanFormModal.js';
import { PlanStatusTag } from './PlanStatusTag.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { qk } from '../../api/queryKeys.js';

/** 方案: the "1+6" plans and the mechanism plans, with their review state and version. */
export function PlansPage() {
  const { t } = useI18n();
  const plans = useQuery({ queryKey: qk.plans.lists, queryFn: () => listPlans() });
  const [creating, setCreating] = useState(false);
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  return (
    <PageCard
      title={t('plan.listTitle')}
      testId="plans-page"
      extra={
        can(plans.data?.policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
            {t('plan.new')}
          </Button>
        )
      }
    >
      <ResponsiveTable<Plan>
        rowKey="id"
        size="middle"
        loading={plans.isLoading}
        dataSource={plans.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('plan.empty') }}
        columns={[
          { title: t('item.code'), dataIndex: 'code' },
          {
            title: t('item.title'),
            key: 'title',
            render: (_, p) => (
              <Link to={`/plans/${p.id}`} style={{ display: 'inline-block', maxWidth: 340, whiteSpace: 'normal' }}>
                {p.title}
              </Link>
            ),
          },
          { title: t('plan.kind'), key: 'kind', render: (_, p) => <Tag>{t(`plan.kind.${p.kind}`)}</Tag> },
          { title: t('plan.status'), key: 'status', render: (_, p) => <PlanStatusTag status={p.status} /> },
          { title: t('plan.taskForce'), key: 'tf', render: (_, p) => p.taskForceName ?? '—' },
          {
            title: t('plan.areas'),
            key: 'areas',
            render: (_, p) => (
              <Flex wrap gap={4}>
                {p.areas.map((a) => (
                  <Tag key={a.id} style={{ marginInlineEnd: 0 }}>
                    {a.name}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('plan.version'), key: 'v', render: (_, p) => `v${p.currentVersionNo}` },
          { title: t('plan.publishedAt'), key: 'pub', render: (_, p) => formatDate(p.publishedAt) || '—' },
        ]}
      />
      {creating && <PlanFormModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
