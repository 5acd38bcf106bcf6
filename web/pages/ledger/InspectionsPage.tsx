import { useState } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useUnits } from '../../api/hooks.js';
import { listInspections, type Inspection } from '../../api/ledger.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useAreaOptions } from '../items/ItemFilters.js';
import { InspectionFormModal } from './InspectionFormModal.js';

/** How many unit names a row shows before "… N 个单位": a district campaign may cover dozens. */
const NAMES_SHOWN = 3;

/** 督查活动: the campaigns with their period and scope, each opening its ledger; inspectors and the office create and edit them. */
export function InspectionsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: qk.inspections.list({}), queryFn: () => listInspections() });
  const units = useUnits();
  const areaName = new Map(useAreaOptions().map((a) => [a.value, a.label]));
  // The id, not the row: after a version conflict the refetched row (its new version) is what the form edits.
  const [editing, setEditing] = useState<string | null>(null);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const policies = list.data?.policies;
  const nameOf = new Map((units.data?.data ?? []).map((u) => [u.id, u.name]));

  return (
    <PageCard
      title={t('inspection.listTitle')}
      testId="inspections-page"
      extra={
        can(policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="inspection-new">
            {t('inspection.new')}
          </Button>
        )
      }
    >
      <ResponsiveTable<Inspection>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inspection.empty') }}
        columns={[
          {
            title: t('inspection.title'),
            key: 'title',
            render: (_, c) => (
              <Flex vertical style={{ maxWidth: 360 }}>
                <span style={{ whiteSpace: 'normal' }} data-testid="inspection-title">
                  {c.title}
                </span>
                {c.description && (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                    {c.description}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { title: t('inspection.kind'), key: 'kind', render: (_, c) => <Tag color={c.kind === 'special' ? 'purple' : 'blue'}>{t(`inspection.kind.${c.kind}`)}</Tag> },
          { title: t('inspection.period'), key: 'period', render: (_, c) => `${formatDate(c.periodFrom)} ~ ${formatDate(c.periodTo)}` },
          { title: t('inspection.inspectors'), key: 'inspectors', render: (_, c) => (c.inspectorNames.length ? c.inspectorNames.join('、') : '—') },
          {
            title: t('inspection.units'),
            key: 'units',
            render: (_, c) => {
              const names = c.unitIds.map((id) => nameOf.get(id) ?? '…');
              const shown = names.slice(0, NAMES_SHOWN).join('、');
              return (
                <Flex vertical style={{ maxWidth: 280 }}>
                  <span style={{ whiteSpace: 'normal' }}>{names.length > NAMES_SHOWN ? `${shown} · ${t('inspection.unitCount', { n: names.length })}` : shown}</span>
                  {(c.areaIds.length > 0 || c.items.length > 0) && (
                    <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }} data-testid="inspection-scope">
                      {[
                        c.areaIds.length ? `${t('inspection.areas')}：${c.areaIds.map((id) => areaName.get(id) ?? '…').join('、')}` : '',
                        c.items.length ? `${t('inspection.items')}：${c.items.slice(0, 2).map((i) => i.title ?? '…').join('、')}${c.items.length > 2 ? ` · ${t('inspection.itemCount', { n: c.items.length })}` : ''}` : '',
                      ]
                        .filter(Boolean)
                        .join('；')}
                    </Typography.Text>
                  )}
                </Flex>
              );
            },
          },
          {
            title: '',
            key: 'actions',
            render: (_, c) => (
              <Flex gap={8}>
                <Link to={`/ledger?campaign=${c.id}`} data-testid="inspection-ledger">
                  {t('inspection.entries')}
                </Link>
                {can(policies, 'update') && (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(c.id)} data-testid="inspection-edit">
                    {t('common.edit')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {editing && <InspectionFormModal key={editing} inspection={list.data?.data.find((c) => c.id === editing)} onClose={() => setEditing(null)} reload={async () => void (await list.refetch())} />}
    </PageCard>
  );
}
