import { useMemo, useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { BODY_KINDS, type BodyKind } from '../../../domain/enums.js';
import { BODY_KIND_LABELS } from '../../../domain/labels.js';
import { LIMITS } from '../../../domain/limits.js';
import { Code, Name } from '../../../domain/schemas/common.js';
import { useUnits } from '../../api/hooks.js';
import { createBody, getBody, updateBody } from '../../api/org.js';
import type { Body } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';

interface Values {
  code: string;
  name: string;
  kind: BodyKind;
  parentId?: string | null;
  leadUnitId?: string | null;
}

/** Creates a coordinating body or edits one (the kind is fixed once created). */
export function BodyFormModal({ body, bodies, onClose }: { body: Body | null; bodies: Body[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [record, setRecord] = useState<Body | null>(body);
  const initialValues = useMemo<Partial<Values>>(
    () =>
      record
        ? { code: record.code, name: record.name, kind: record.kind, parentId: record.parentId, leadUnitId: record.leadUnitId }
        : { kind: 'task_force', parentId: null, leadUnitId: null },
    [record],
  );

  const submit = async (v: Values) => {
    const common = { code: v.code, name: v.name, parentId: v.parentId ?? null, leadUnitId: v.leadUnitId ?? null };
    if (record) await updateBody(record.id, { version: record.version, ...common });
    else {
      await createBody({ ...common, kind: v.kind });
      void message.success(t('body.created'));
    }
    await queryClient.invalidateQueries({ queryKey: qk.bodies.all });
  };
  const reload = async () => {
    if (record) setRecord((await getBody(record.id)).data);
    await queryClient.invalidateQueries({ queryKey: qk.bodies.all });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values>
      title={record ? t('body.edit') : t('body.create')}
      initialValues={initialValues}
      fieldNames={['code', 'name', 'kind', 'parentId', 'leadUnitId']}
      submit={submit}
      reload={reload}
      onClose={onClose}
      testId="body-modal"
    >
      <Form.Item name="code" label={t('common.code')} rules={[required(t('common.code')), schemaRule(Code, t('common.codeRule'))]}>
        <Input maxLength={LIMITS.code} />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[required(t('common.name')), schemaRule(Name, t('common.tooLong', { max: LIMITS.name }))]}>
        <Input maxLength={LIMITS.name} />
      </Form.Item>
      <Form.Item name="kind" label={t('body.kind')} rules={[{ required: true, message: t('common.required', { field: t('body.kind') }) }]}>
        <Select disabled={!!record} options={BODY_KINDS.map((k) => ({ value: k, label: labelOf(BODY_KIND_LABELS, k, lang) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('body.parent')}>
        <Select allowClear placeholder={t('common.none')} options={bodies.filter((b) => b.id !== record?.id).map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('body.leadUnit')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('common.none')}
          options={(units.data?.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
