import { Form, InputNumber, Select } from 'antd';
import { UNIT_KINDS } from '../../../domain/enums.js';
import { UNIT_KIND_LABELS } from '../../../domain/labels.js';
import { UnitCreate } from '../../../domain/schemas/org.js';
import { useRegions } from '../../api/hooks.js';
import { createUnit, getUnit, updateUnit } from '../../api/org.js';
import { qk } from '../../api/queryKeys.js';
import type { Unit } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import { OrgFormModal } from './OrgFormModal.js';

const valuesOf = (u: Unit | null) => (u ? { code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, sort: u.sort } : { kind: 'department' as const, parentId: null });
// A cleared sort field is null: the unit keeps (or gets) the default order.
const fieldsOf = (v: { code: string; name: string; kind: Unit['kind']; parentId?: string | null | undefined; sort?: number | null | undefined }) => ({
  code: v.code,
  name: v.name,
  kind: v.kind,
  parentId: v.parentId ?? null,
  ...(v.sort != null ? { sort: v.sort } : {}),
});

/**
 * What a unit's change shows in: units, the bodies they lead, the users' units and the items'
 * lead, data and responsible units.
 */
export const UNIT_CHANGES = [qk.units.all, qk.bodies.all, qk.users.all, qk.tasks.all, qk.targets.all, qk.projects.all];

/** Creates a unit or edits one (with its version; a conflict reloads it). */
export function UnitFormModal({ record, records, onClose }: { record: Unit | null; records: Unit[]; onClose: () => void }) {
  const { t } = useI18n();
  const regionList = useRegions().data?.data ?? [];
  return (
    <OrgFormModal
      kind="unit"
      record={record}
      records={records}
      schema={UnitCreate}
      kinds={{ label: t('unit.kind'), values: UNIT_KINDS, labels: UNIT_KIND_LABELS }}
      initialValues={valuesOf}
      save={{
        create: (v) => createUnit({ ...fieldsOf(v), ...(v.regionId ? { regionId: v.regionId } : {}) }),
        update: (u, v) => updateUnit(u.id, { version: u.version, ...fieldsOf(v) }),
      }}
      fetchOne={async (id) => (await getUnit(id)).data}
      invalidates={UNIT_CHANGES}
      onClose={onClose}
      after={() => (
        <Form.Item name="sort" label={t('common.sort')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    >
      {(current) =>
        // A unit stays in the region it was created in; with one region there is nothing to choose.
        !current &&
        regionList.length > 1 && (
          <Form.Item name="regionId" label={t('unit.region')}>
            <Select allowClear options={regionList.map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
        )
      }
    </OrgFormModal>
  );
}
