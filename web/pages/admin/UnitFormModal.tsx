import { useMemo, useState } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { UNIT_KINDS, type UnitKind } from '../../../domain/enums.js';
import { UNIT_KIND_LABELS } from '../../../domain/labels.js';
import { LIMITS } from '../../../domain/limits.js';
import { Code, Name } from '../../../domain/schemas/common.js';
import { useRegions } from '../../api/hooks.js';
import { createUnit, getUnit, updateUnit } from '../../api/org.js';
import type { Unit } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  regionId?: string;
  parentId?: string | null;
  sort?: number | null;
}

const toValues = (u: Unit): Partial<Values> => ({ code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, sort: u.sort });

/** Creates a unit or edits one (with its version; a conflict reloads it). */
export function UnitFormModal({ unit, units, onClose }: { unit: Unit | null; units: Unit[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const [record, setRecord] = useState<Unit | null>(unit);
  const initialValues = useMemo<Partial<Values>>(() => (record ? toValues(record) : { kind: 'department', parentId: null }), [record]);
  const regionList = regions.data?.data ?? [];

  const submit = async (v: Values) => {
    const common = { code: v.code, name: v.name, kind: v.kind, parentId: v.parentId ?? null, ...(v.sort != null ? { sort: v.sort } : {}) };
    if (record) await updateUnit(record.id, { version: record.version, ...common });
    else {
      await createUnit({ ...common, ...(v.regionId ? { regionId: v.regionId } : {}) });
      void message.success(t('unit.created'));
    }
    await queryClient.invalidateQueries({ queryKey: qk.units.all });
  };
  const reload = async () => {
    if (record) setRecord((await getUnit(record.id)).data);
    await queryClient.invalidateQueries({ queryKey: qk.units.all });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values>
      title={record ? t('unit.edit') : t('unit.create')}
      initialValues={initialValues}
      fieldNames={['code', 'name', 'kind', 'regionId', 'parentId', 'sort']}
      submit={submit}
      reload={reload}
      onClose={onClose}
      testId="unit-modal"
    >
      <Form.Item name="code" label={t('common.code')} rules={[required(t('common.code')), schemaRule(Code, t('common.codeRule'))]}>
        <Input maxLength={LIMITS.code} />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[required(t('common.name')), schemaRule(Name, t('common.tooLong', { max: LIMITS.name }))]}>
        <Input maxLength={LIMITS.name} />
      </Form.Item>
      <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('common.required', { field: t('unit.kind') }) }]}>
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: labelOf(UNIT_KIND_LABELS, k, lang) }))} />
      </Form.Item>
      {!record && regionList.length > 1 && (
        <Form.Item name="regionId" label={t('unit.region')}>
          <Select allowClear options={regionList.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
      )}
      <Form.Item name="parentId" label={t('unit.parent')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('common.none')}
          options={units.filter((u) => u.id !== record?.id).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="sort" label={t('common.sort')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
