import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { UNIT_KINDS, type UnitKind } from '../../../domain/enums.js';
import { UNIT_KIND_LABELS } from '../../../domain/labels.js';
import { isVersionConflict } from '../../api/client.js';
import { useUnits } from '../../api/hooks.js';
import { updateUnit } from '../../api/org.js';
import { can, type Unit } from '../../api/types.js';
import { errorMessage } from '../../components/formErrors.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { UnitFormModal } from './UnitFormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

/** 单位: every org unit, filtered by kind and text; create, edit, disable (sysadmin). */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const units = useUnits({ kind, q });
  const all = useUnits();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  if (units.isError) return <LoadError error={units.error} onRetry={() => void units.refetch()} />;
  const policies = units.data?.policies;
  const allUnits = all.data?.data ?? [];
  const nameOf = (id: string | null) => allUnits.find((u) => u.id === id)?.name ?? '—';

  const toggle = async (u: Unit) => {
    try {
      await updateUnit(u.id, { version: u.version, disabled: !u.disabled });
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(isVersionConflict(e) ? `${e.message} ${t('common.reloaded')}` : errorMessage(e));
    }
    await queryClient.invalidateQueries({ queryKey: qk.units.all });
  };

  return (
    <PageCard
      title={t('unit.title')}
      testId="units-page"
      extra={
        can(policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-create">
            {t('unit.create')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('unit.kind')}
          value={kind}
          onChange={(v?: UnitKind) => setKind(v)}
          options={UNIT_KINDS.map((k) => ({ value: k, label: labelOf(UNIT_KIND_LABELS, k, lang) }))}
          style={filterStyle(160)}
          data-testid="unit-filter-kind"
        />
        <Input.Search allowClear placeholder={t('unit.searchPlaceholder')} onSearch={(v) => setQ(v.trim() || undefined)} style={filterStyle(240)} data-testid="unit-search" />
      </Flex>
      <ResponsiveTable<Unit>
        rowKey="id"
        size="middle"
        loading={units.isPending}
        dataSource={units.data?.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('common.code'), dataIndex: 'code' },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('unit.kind'), dataIndex: 'kind', render: (k: UnitKind) => labelOf(UNIT_KIND_LABELS, k, lang) },
          { title: t('unit.parent'), dataIndex: 'parentId', render: (id: string | null) => nameOf(id) },
          { title: t('common.sort'), dataIndex: 'sort' },
          {
            title: t('common.status'),
            dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag>{t('common.disabled')}</Tag> : <Tag color="green">{t('common.enabled')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: mobile ? undefined : 'right',
            render: (_, u) =>
              can(policies, 'update') && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t(u.disabled ? 'unit.enableConfirm' : 'unit.disableConfirm', { name: u.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle(u)}
                  >
                    <Button type="link" size="small" danger={!u.disabled}>
                      {u.disabled ? t('unit.enable') : t('unit.disable')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && <UnitFormModal unit={editing === 'new' ? null : editing} units={allUnits} onClose={() => setEditing(null)} />}
    </PageCard>
  );
}
