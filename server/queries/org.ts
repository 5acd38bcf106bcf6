import { and, asc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { UnitKind } from '../../domain/enums.js';
import type { Executor } from '../db/client.js';
import { bodies, bodyMembers, orgUnits, regions } from '../db/schema/index.js';
import { escapeLike } from '../audit.js';
import type { Actor } from '../context.js';
import { bodyIn, homeRegionId, regionIn, type RegionScope } from './regionScope.js';

export const listRegions = (db: Executor, scope: RegionScope) => db.select().from(regions).where(regionIn(regions.id, scope)).orderBy(asc(regions.code));

/**
 * The region's name that titles a document or a sheet: a record's own region (a bulletin's, a 简报's),
 * or the reader's (`readerRegionName`). Without one (the public portal, one per deployment), the first
 * top-level region.
 */
export async function districtName(db: Executor, regionId?: string | null): Promise<string | null> {
  const [d] = await db
    .select({ name: regions.name })
    .from(regions)
    .where(regionId ? eq(regions.id, regionId) : isNull(regions.parentId))
    .orderBy(asc(regions.createdAt), asc(regions.id))
    .limit(1);
  return d?.name ?? null;
}

/**
 * What titles an export of a list: the region the reader drilled into (one of its scope, checked by
 * the caller), else the reader's own (its unit's region: a district's reader names the district, a
 * city's the city).
 */
export async function readerRegionName(db: Executor, actor: Pick<Actor, 'unitId'> | null, drilled?: string | null): Promise<string | null> {
  return districtName(db, drilled ?? (await homeRegionId(db, actor)));
}

export async function listUnits(db: Executor, scope: RegionScope, f: { kind?: UnitKind | undefined; q?: string | undefined }) {
  const conds: SQL[] = [regionIn(orgUnits.regionId, scope)];
  if (f.kind) conds.push(eq(orgUnits.kind, f.kind));
  if (f.q) conds.push(or(ilike(orgUnits.name, `%${escapeLike(f.q)}%`), ilike(orgUnits.code, `%${escapeLike(f.q)}%`))!);
  return db
    .select()
    .from(orgUnits)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
}

export async function findUnit(db: Executor, id: string) {
  const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return u;
}

export type BodyRow = typeof bodies.$inferSelect;

/** Bodies with their members and the names of lead and member units, in two queries. */
export async function loadBodies(db: Executor, scope: RegionScope, ids?: string[]) {
  const rows = await db
    .select({ body: bodies, leadUnitName: orgUnits.name })
    .from(bodies)
    .leftJoin(orgUnits, eq(orgUnits.id, bodies.leadUnitId))
    .where(and(bodyIn(bodies.id, scope), ids ? inArray(bodies.id, ids) : undefined))
    .orderBy(asc(bodies.createdAt), asc(bodies.code));
  const bodyIds = rows.map((r) => r.body.id);
  const members = bodyIds.length
    ? await db
        .select({ m: bodyMembers, unitName: orgUnits.name })
        .from(bodyMembers)
        .leftJoin(orgUnits, eq(orgUnits.id, bodyMembers.unitId))
        .where(inArray(bodyMembers.bodyId, bodyIds))
        .orderBy(asc(bodyMembers.sort))
    : [];
  return rows.map((r) => ({
    ...r.body,
    leadUnitName: r.leadUnitName,
    members: members.filter((m) => m.m.bodyId === r.body.id).map((m) => ({ ...m.m, unitName: m.unitName })),
  }));
}
