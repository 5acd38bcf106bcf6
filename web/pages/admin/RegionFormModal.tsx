import { RegionCreate } from '../../../domain/schemas/org.js';
import { createRegion, listRegions, updateRegion } from '../../api/org.js';
import { qk } from '../../api/queryKeys.js';
import type { Region } from '../../api/types.js';
import { OrgFormModal } from './OrgFormModal.js';

const valuesOf = (r: Region | null) => (r ? { code: r.code, name: r.name } : { parentId: null });

/** Creates a region or renames one (a region stays where it was created). */
export function RegionFormModal({ record, records, onClose }: { record: Region | null; records: Region[]; onClose: () => void }) {
  return (
    <OrgFormModal
      kind="region"
      record={record}
      records={records}
      parentOnCreate
      schema={RegionCreate}
      initialValues={valuesOf}
      save={{
        create: (v) => createRegion({ code: v.code, name: v.name, parentId: v.parentId ?? null }),
        update: (r, v) => updateRegion(r.id, { version: r.version, code: v.code, name: v.name }),
      }}
      // There is no read of one region: the list is short.
      fetchOne={async (id) => (await listRegions()).data.find((r) => r.id === id)}
      invalidates={[qk.regions.all]}
      onClose={onClose}
    />
  );
}
