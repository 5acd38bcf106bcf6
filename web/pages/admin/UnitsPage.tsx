import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Select, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { UNIT_KINDS, type UnitKind } from '../../../domain/enums.js';
import { UNIT_KIND_LABELS } from '../../../domain/labels.js';
import { isVersionConflict } from '../../api/client.js';
import { useUnits } from '../../api/hooks.js';
import { updateUnit } from '../../api/org.js';
import { invalidate } from '../../api/queryKeys.js';
import { can, type Unit } from '../../api/types.js';
import { errorMessage } from '../../components/formErrors.js';
import { filterStyle } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { OrgPage } from './OrgPage.js';
import { UNIT_CHANGES, UnitFormModal } from './UnitFormModal.js';

/** 单位: every org unit, filtered by kind and text; create, edit, disable (sysadmin). */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const units = useUnits({ kind, q });
  const all = useUnits();

  const toggle = async (u: Unit) => {
    try {
      await updateUnit(u.id, { version: u.version, disabled: !u.disabled });
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(isVersionConflict(e) ? `${e.message} ${t('common.reloaded')}` : errorMessage(e));
    }
    await invalidate(queryClient, ...UNIT_CHANGES);
  };

  return (
    <OrgPage
      kind="unit"
      testId="units-page"
      query={units}
      all={all.data?.data ?? []}
      Form={UnitFormModal}
      pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      toolbar={
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
      }
      columns={(c, parent) => [
        { title: c.t('unit.kind'), dataIndex: 'kind', render: (k: UnitKind) => labelOf(UNIT_KIND_LABELS, k, c.lang) },
        parent,
        { title: c.t('common.sort'), dataIndex: 'sort' },
        {
          title: c.t('common.status'),
          dataIndex: 'disabled',
          render: (d: boolean) => (d ? <Tag>{c.t('common.disabled')}</Tag> : <Tag color="green">{c.t('common.enabled')}</Tag>),
        },
      ]}
      actions={(u, c) =>
        can(c.policies, 'update') && (
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
        )
      }
    />
  );
}
