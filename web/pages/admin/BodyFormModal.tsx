import { Form, Select } from 'antd';
import { BODY_KINDS } from '../../../domain/enums.js';
import { BODY_KIND_LABELS } from '../../../domain/labels.js';
import { BodyCreate } from '../../../domain/schemas/org.js';
import { useUnits } from '../../api/hooks.js';
import { createBody, getBody, updateBody } from '../../api/org.js';
import { qk } from '../../api/queryKeys.js';
import type { Body } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import { OrgFormModal } from './OrgFormModal.js';

const valuesOf = (b: Body | null) => (b ? { code: b.code, name: b.name, kind: b.kind, parentId: b.parentId, leadUnitId: b.leadUnitId } : { kind: 'task_force' as const, parentId: null, leadUnitId: null });
const fieldsOf = (v: { code: string; name: string; parentId?: string | null | undefined; leadUnitId?: string | null | undefined }) => ({
  code: v.code,
  name: v.name,
  parentId: v.parentId ?? null,
  leadUnitId: v.leadUnitId ?? null,
});

/** Creates a coordinating body or edits one (the kind is fixed once created). */
export function BodyFormModal({ record, records, onClose }: { record: Body | null; records: Body[]; onClose: () => void }) {
  const { t } = useI18n();
  const units = useUnits();
  return (
    <OrgFormModal
      kind="body"
      record={record}
      records={records}
      schema={BodyCreate}
      kinds={{ label: t('body.kind'), values: BODY_KINDS, labels: BODY_KIND_LABELS, fixed: true }}
      initialValues={valuesOf}
      save={{ create: (v) => createBody({ ...fieldsOf(v), kind: v.kind }), update: (b, v) => updateBody(b.id, { version: b.version, ...fieldsOf(v) }) }}
      fetchOne={async (id) => (await getBody(id)).data}
      // Plans name their task force.
      invalidates={[qk.bodies.all, qk.plans.all]}
      onClose={onClose}
      after={() => (
        <Form.Item name="leadUnitId" label={t('body.leadUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.none')}
            options={(units.data?.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      )}
    />
  );
}
