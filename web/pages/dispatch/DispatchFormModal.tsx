import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { DISPATCH_KINDS, type DispatchKind } from '../../../domain/dispatch.js';
import type { DispatchCreate } from '../../../domain/schemas/dispatch.js';
import { createDispatch, updateDispatch, type DispatchDetail } from '../../api/dispatch.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import type { FormValues } from '../../components/formValues.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from './UnitsSelect.js';

type Values = FormValues<z.input<typeof DispatchCreate>, 'deadline'>;
const FIELDS = ['kind', 'title', 'content', 'deadline', 'unitIds', 'columns'] as const;

/**
 * 新建调度令 / 编辑调度令 (HQ office, while a draft): what kind of order, its text, the units it goes
 * to, the deadline (three workdays ahead unless chosen) and, for figures, the small table it asks for.
 */
export function DispatchFormModal({ dispatch, preset, onClose }: { dispatch?: DispatchDetail; preset?: Partial<Values>; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const initial: Partial<Values> = dispatch
    ? {
        // Only an office's draft is edited here: a 批示 is out from the start.
        kind: dispatch.kind as DispatchKind,
        title: dispatch.title,
        content: dispatch.content,
        deadline: dayjs(dispatch.deadline),
        unitIds: dispatch.recipients.map((r) => r.unitId),
        columns: dispatch.columns,
      }
    : { kind: 'question', columns: [], ...preset };

  const submit = async (v: Values) => {
    const fields = {
      kind: v.kind,
      title: v.title.trim(),
      content: v.content ?? '',
      unitIds: v.unitIds,
      columns: v.kind === 'figures' ? (v.columns ?? []).map((c) => ({ key: c.key.trim(), label: c.label.trim(), ...(c.unit?.trim() ? { unit: c.unit.trim() } : {}) })) : [],
      ...(v.deadline ? { deadline: isoDay(v.deadline)! } : {}),
    };
    if (dispatch) await updateDispatch(dispatch.id, { version: dispatch.version, ...fields });
    else {
      const saved = await createDispatch(fields);
      void navigate(`/dispatches/${saved.data.id}`);
    }
    await invalidate(qc, qk.dispatches.all);
  };

  return (
    <FormModal<Values> title={t(dispatch ? 'dispatch.edit' : 'dispatch.new')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="dispatch-form" width={720}>
      {(form) => (
        <>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('dispatch.kind')} rules={[{ required: true }]} style={{ flex: '0 1 160px' }}>
              <Select options={DISPATCH_KINDS.map((k) => ({ value: k, label: t(`dispatch.kind.${k}`) }))} data-testid="dispatch-form-kind" />
            </Form.Item>
            <Form.Item name="title" label={t('dispatch.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('dispatch.title') }) }]} style={{ flex: '1 1 260px' }}>
              <Input maxLength={200} data-testid="dispatch-form-title" />
            </Form.Item>
            <Form.Item name="deadline" label={t('dispatch.deadline')} extra={t('dispatch.deadlineHelp')} style={{ flex: '0 1 180px' }}>
              <DatePicker style={{ width: '100%' }} data-testid="dispatch-form-deadline" />
            </Form.Item>
          </Flex>
          <Form.Item name="content" label={t('dispatch.content')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="dispatch-form-content" />
          </Form.Item>
          <Form.Item name="unitIds" label={t('dispatch.units')} rules={[{ required: true, message: t('common.required', { field: t('dispatch.units') }) }]}>
            <UnitsSelect testId="dispatch-form-units" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() =>
              form.getFieldValue('kind') === 'figures' && (
                <Form.Item label={t('dispatch.columns')} required>
                  <Form.List name="columns">
                    {(rows, { add, remove }) => (
                      <Flex vertical gap={4}>
                        {rows.map((row) => (
                          <Flex key={row.key} gap={8} align="baseline">
                            <Form.Item name={[row.name, 'key']} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{0,31}$/, message: t('common.codeRule') }]} style={{ flex: '0 1 120px', marginBottom: 4 }}>
                              <Input placeholder={t('dispatch.columnKey')} data-testid="dispatch-column-key" />
                            </Form.Item>
                            <Form.Item name={[row.name, 'label']} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('dispatch.columnLabel') }) }]} style={{ flex: '1 1 180px', marginBottom: 4 }}>
                              <Input placeholder={t('dispatch.columnLabel')} data-testid="dispatch-column-label" />
                            </Form.Item>
                            <Form.Item name={[row.name, 'unit']} style={{ flex: '0 1 100px', marginBottom: 4 }}>
                              <Input placeholder={t('dispatch.columnUnit')} maxLength={20} data-testid="dispatch-column-unit" />
                            </Form.Item>
                            <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('common.remove')} />
                          </Flex>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: `c${rows.length + 1}`, label: '' })} data-testid="dispatch-add-column">
                          {t('dispatch.addColumn')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
