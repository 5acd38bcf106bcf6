import { REGION_KIND_LABELS } from '../../../domain/labels.js';
import { REGION_KINDS } from '../../../domain/regions.js';
import { RegionCreate } from '../../../domain/schemas/org.js';
import { createRegion, listRegions, updateRegion } from '../../api/org.js';
import { qk } from '../../api/queryKeys.js';
import type { Region } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import { OrgFormModal } from './OrgFormModal.js';

const valuesOf = (r: Region | null) => (r ? { code: r.code, name: r.name, kind: r.kind, parentId: r.parentId } : { kind: 'district' as const, parentId: null });

/**
 * Creates or edits a region: its level (省, 市, 区（县）) and the region above it. The server checks
 * the nesting (a city under a province, a district under a city or a province, never under itself)
 * and names the field it refuses.
 */
export function RegionFormModal({ record, records, onClose }: { record: Region | null; records: Region[]; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <OrgFormModal
      kind="region"
      record={record}
      records={records}
      schema={RegionCreate}
      initialValues={valuesOf}
      kinds={{ label: t('region.kind'), values: REGION_KINDS, labels: REGION_KIND_LABELS }}
      save={{
        create: (v) => createRegion({ code: v.code, name: v.name, kind: v.kind, parentId: v.parentId ?? null }),
        update: (r, v) => updateRegion(r.id, { version: r.version, code: v.code, name: v.name, kind: v.kind, parentId: v.parentId ?? null }),
      }}
      // There is no read of one region: the list is short.
      fetchOne={async (id) => (await listRegions()).data.find((r) => r.id === id)}
      invalidates={[qk.regions.all]}
      onClose={onClose}
    />
  );
}
