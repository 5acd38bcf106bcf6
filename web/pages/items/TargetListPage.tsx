import { Flex, Typography } from 'antd';
import { TARGET_SORTS } from '../../../domain/schemas/target.js';
import { listTargets, targetExportUrl } from '../../api/planning.js';
import type { Target } from '../../api/workTypes.js';
import { trimDecimal } from '../../format.js';
import { ItemListPage, type ItemListConfig } from './ItemListPage.js';
import { OutlookTag } from './OutlookTag.js';
import { TargetFormModal } from './TargetFormModal.js';

const withUnit = (v: string, unit: string) => `${trimDecimal(v)} ${unit}`;

const targetList: ItemListConfig<(typeof TARGET_SORTS)[number], Target> = {
  kind: 'target',
  list: listTargets,
  exportUrl: targetExportUrl,
  sortable: TARGET_SORTS,
  CreateModal: TargetFormModal,
  columns: (c) => [
    {
      title: c.t('target.latestActual'),
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
      title: c.t('target.thisYearGoal'),
      key: 'goal',
      render: (_, r) => (
        <span title={c.t(r.direction === 'higher' ? 'target.higher' : 'target.lower')}>
          {r.thisYear.goal === null ? '—' : `${withUnit(r.thisYear.goal, r.measureUnit)} ${r.direction === 'higher' ? '↑' : '↓'}`}
        </span>
      ),
    },
    {
      title: c.t('target.yearEnd'),
      key: 'yearEnd',
      render: (_, r) => (
        <Flex vertical align="start" gap={2} data-testid="target-year-end">
          {r.thisYear.value !== null && <span>{withUnit(r.thisYear.value, r.measureUnit)}</span>}
          {r.thisYear.goal !== null && <OutlookTag o={r.thisYear} />}
        </Flex>
      ),
    },
    { title: c.t('target.dataUnit'), dataIndex: 'dataUnitName' },
    { title: c.t('item.reportPeriod'), key: 'period', render: (_, r) => c.t(`period.${r.period}`) },
  ],
};

/** 目标指标: every target the filters select, with its light and why, its newest actual and this year's goal and outlook. */
export function TargetListPage() {
  return <ItemListPage config={targetList} />;
}
