import { DatePicker, Flex, Form, Input, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { INSPECTION_KINDS } from '../../../domain/ledger.js';
import type { InspectionCreate } from '../../../domain/schemas/ledger.js';
import { createInspection, listInspectors, updateInspection, type Inspection } from '../../api/ledger.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import type { FormValues } from '../../components/formValues.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from '../dispatch/UnitsSelect.js';
import { useAreaOptions } from '../items/ItemFilters.js';
import { ItemsPicker, type ScopeItem } from './ItemsPicker.js';

type Values = FormValues<Pick<z.input<typeof InspectionCreate>, 'kind' | 'title' | 'description' | 'periodFrom' | 'periodTo' | 'unitIds' | 'areaIds' | 'inspectorIds'>, 'periodFrom' | 'periodTo'> & {
  items?: ScopeItem[];
};
const FIELDS = ['kind', 'title', 'description', 'periodFrom', 'periodTo', 'unitIds', 'areaIds', 'items', 'inspectorIds'] as const;

/**
 * 新建 / 编辑督查活动: kind (常态化 or 专项), what is inspected, the period, its scope (units, areas,
 * items) and its inspectors (picked from the accounts holding the role).
 * An edit sends the version read; a conflict reloads the campaign and says so.
 */
export function InspectionFormModal({ inspection, onClose, reload }: { inspection?: Inspection; onClose: () => void; reload?: () => Promise<void> }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const initial: Partial<Values> = inspection
    ? {
        kind: inspection.kind,
        title: inspection.title,
        description: inspection.description,
        periodFrom: dayjs(inspection.periodFrom),
        periodTo: dayjs(inspection.periodTo),
        unitIds: inspection.unitIds,
        areaIds: inspection.areaIds,
        items: inspection.items,
        inspectorIds: inspection.inspectorIds,
      }
    : { kind: 'special', areaIds: [], items: [], inspectorIds: [] };
  const areas = useAreaOptions();
  const inspectors = useQuery({ queryKey: qk.inspections.inspectors, queryFn: listInspectors });

  const submit = async (v: Values) => {
    const fields = {
      kind: v.kind,
      title: v.title,
      description: v.description ?? '',
      periodFrom: isoDay(v.periodFrom)!,
      periodTo: isoDay(v.periodTo)!,
      unitIds: v.unitIds,
      areaIds: v.areaIds ?? [],
      // The API takes the reference only: the title shown while picking stays in the page.
      items: (v.items ?? []).map(({ itemType, itemId }) => ({ itemType, itemId })),
      inspectorIds: v.inspectorIds ?? [],
    };
    if (inspection) await updateInspection(inspection.id, { ...fields, version: inspection.version });
    else await createInspection(fields);
    await invalidate(qc, qk.inspections.all, qk.ledger.all);
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];

  return (
    <FormModal<Values>
      title={t(inspection ? 'inspection.edit' : 'inspection.new')}
      initialValues={initial}
      fieldNames={FIELDS}
      submit={submit}
      reload={reload}
      onClose={onClose}
      testId="inspection-form"
      width={680}
    >
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('inspection.kind')} rules={[{ required: true }]} style={{ flex: '0 1 160px' }}>
          <Select options={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`inspection.kind.${k}`) }))} data-testid="inspection-form-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('inspection.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('inspection.title') }) }]} style={{ flex: '1 1 300px' }}>
          <Input maxLength={200} data-testid="inspection-form-title" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="periodFrom" label={`${t('inspection.period')}（起）`} rules={required(t('inspection.period'))} style={{ flex: '1 1 180px' }}>
          <DatePicker style={{ width: '100%' }} data-testid="inspection-form-from" />
        </Form.Item>
        <Form.Item
          name="periodTo"
          label={`${t('inspection.period')}（止）`}
          dependencies={['periodFrom']}
          rules={[
            ...required(t('inspection.period')),
            ({ getFieldValue }) => ({
              // The schema's rule (from ≤ to), said where it applies; the server refuses it too.
              validator: async (_, to: dayjs.Dayjs | null) => {
                const from = getFieldValue('periodFrom') as dayjs.Dayjs | null;
                if (from && to && to.isBefore(from, 'day')) throw new Error(t('inspection.periodRange'));
              },
            }),
          ]}
          style={{ flex: '1 1 180px' }}
        >
          <DatePicker style={{ width: '100%' }} data-testid="inspection-form-to" />
        </Form.Item>
      </Flex>
      <Form.Item name="unitIds" label={t('inspection.units')} rules={required(t('inspection.units'))}>
        <UnitsSelect testId="inspection-form-units" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="areaIds" label={t('inspection.areas')} style={{ flex: '1 1 260px' }}>
          <Select mode="multiple" allowClear options={areas} optionFilterProp="label" data-testid="inspection-form-areas" />
        </Form.Item>
        <Form.Item name="inspectorIds" label={t('inspection.inspectors')} style={{ flex: '1 1 260px' }}>
          <Select
            mode="multiple"
            allowClear
            loading={inspectors.isLoading}
            options={(inspectors.data?.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            optionFilterProp="label"
            data-testid="inspection-form-inspectors"
          />
        </Form.Item>
      </Flex>
      <Form.Item name="items" label={t('inspection.items')}>
        <ItemsPicker testId="inspection-form-items" />
      </Form.Item>
      <Form.Item name="description" label={t('inspection.description')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="inspection-form-description" />
      </Form.Item>
    </FormModal>
  );
}
