import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { listTargets } from '../../api/planning.js';
import { can } from '../../api/types.js';
import type { Target } from '../../api/workTypes.js';
import { LightTag } from '../../components/LightTag.js';
import { trimDecimal } from '../../format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemFilters } from './ItemFilters.js';
import { ItemTable } from './ItemTable.js';
import { OutlookTag } from './OutlookTag.js';
import { TargetFormModal } from './TargetFormModal.js';
import { useItemList } from './useItemList.js';
import { TARGET_SORTS } from '../../../domain/schemas/target.js';

const withUnit = (v: string, unit: string) => `${trimDecimal(v)} ${unit}`;

/** 目标指标: every target the filters select, with its light and why, its newest actual and this year's goal and outlook. */
export function TargetListPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const { params, update, sorting, query: targets } = useItemList<(typeof TARGET_SORTS)[number], Target, Awaited<ReturnType<typeof listTargets>>>('targets', listTargets, TARGET_SORTS);
  if (targets.isError) return <LoadError error={targets.error} onRetry={() => void targets.refetch()} />;
  return (
    <PageCard
      title={t('target.listTitle')}
      testId="target-list"
      extra={
        can(targets.data?.policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="target-new">
            {t('target.new')}
          </Button>
        )
      }
    >
      <ItemFilters params={params} update={update} counts={targets.data?.counts} />
      <ItemTable<Target>
        params={params}
        update={update}
        page={targets.data?.page}
        loading={targets.isFetching}
        data={targets.data?.data ?? []}
        empty={t('target.empty')}
        testId="target-table"
        onChange={sorting.onChange}
        columns={[
          { title: t('light.title'), key: 'light', sorter: true, sortOrder: sorting.sortOrder('light'), render: (_, r) => <LightTag light={r.light} reasons={r.lightReasons} inlineOnPhone /> },
          { title: t('item.code'), key: 'code', dataIndex: 'code', sorter: true, sortOrder: sorting.sortOrder('code') },
          {
            title: t('item.title'),
            key: 'name',
            render: (_, r) => (
              <Link to={`/targets/${r.id}`} style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
                {r.name}
              </Link>
            ),
          },
          {
            title: t('target.latestActual'),
            key: 'latest',
            render: (_, r) =>
              r.latestActual ? (
                <Flex vertical>
                  <span>{withUnit(r.latestActual.value, r.measureUnit)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.latestActual.period}
                  </Typography.Text>
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('target.thisYearGoal'),
            key: 'goal',
            render: (_, r) => (
              <span title={t(r.direction === 'higher' ? 'target.higher' : 'target.lower')}>
                {r.thisYear.goal === null ? '—' : `${withUnit(r.thisYear.goal, r.measureUnit)} ${r.direction === 'higher' ? '↑' : '↓'}`}
              </span>
            ),
          },
          {
            title: t('target.yearEnd'),
            key: 'yearEnd',
            render: (_, r) => (
              <Flex vertical align="start" gap={2} data-testid="target-year-end">
                {r.thisYear.value !== null && <span>{withUnit(r.thisYear.value, r.measureUnit)}</span>}
                {r.thisYear.goal !== null && <OutlookTag o={r.thisYear} />}
              </Flex>
            ),
          },
          { title: t('target.dataUnit'), dataIndex: 'dataUnitName' },
          { title: t('item.reportPeriod'), key: 'period', render: (_, r) => t(`period.${r.period}`) },
        ]}
      />
      {creating && <TargetFormModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
