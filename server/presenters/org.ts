import type { RegionKind } from '../../domain/regions.js';
import type { UnitKind, BodyKind, BodyPost } from '../../domain/enums.js';
import type { bodies, bodyMembers, orgUnits, regions } from '../db/schema/index.js';

export function presentRegion(r: typeof regions.$inferSelect) {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind as RegionKind, parentId: r.parentId, version: r.version };
}

export function presentUnit(u: typeof orgUnits.$inferSelect) {
  return {
    id: u.id,
    regionId: u.regionId,
    code: u.code,
    name: u.name,
    kind: u.kind as UnitKind,
    parentId: u.parentId,
    sort: u.sort,
    disabled: u.disabled,
    version: u.version,
  };
}

type BodyWithMembers = typeof bodies.$inferSelect & {
  leadUnitName: string | null;
  members: (typeof bodyMembers.$inferSelect & { unitName: string | null })[];
};

export function presentBody(b: BodyWithMembers) {
  return {
    id: b.id,
    regionId: b.regionId,
    code: b.code,
    name: b.name,
    kind: b.kind as BodyKind,
    parentId: b.parentId,
    leadUnitId: b.leadUnitId,
    leadUnitName: b.leadUnitName,
    version: b.version,
    members: b.members.map((m) => ({
      id: m.id,
      post: m.post as BodyPost,
      title: m.title,
      unitId: m.unitId,
      unitName: m.unitName,
      userId: m.userId,
      sort: m.sort,
    })),
  };
}
