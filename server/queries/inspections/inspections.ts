import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { InspectionKind } from '../../../domain/ledger.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { areas, inspections, orgUnits, plans } from '../../db/schema/index.js';
import { userNames } from '../users.js';
import { itemKey } from '../../../domain/work.js';
import type { InspectionRow, InspectionView } from '../../models/inspections.js';
import { loadItems } from '../reporting/items.js';
import type { ItemInfo } from '../../models/reporting.js';
import { programIn, regionIn, scopeOf, type RegionScope } from '../regionScope.js';
import { inspectionScope, inspectsUnit } from './scope.js';

export interface InspectionFilter {
  kind?: InspectionKind | undefined;
  /** Campaigns that inspect this unit. */
  unit?: string | undefined;
}

/**
 * A campaign of another region, read here because its scope names units here, shows only what lies
 * in the reader's regions: its units, areas and items of the scope (a city's campaign names other
 * districts' units and items too, which this district must not see).
 */
async function withinScope(db: Executor, rows: InspectionRow[], scope: RegionScope, info: Map<string, ItemInfo>): Promise<InspectionRow[]> {
  const foreign = rows.filter((r) => !scope.includes(r.regionId));
  if (!foreign.length) return rows;
  const unitIds = [...new Set(foreign.flatMap((r) => r.unitIds))];
  const areaIds = [...new Set(foreign.flatMap((r) => r.areaIds))];
  const planIds = [...new Set(foreign.flatMap((r) => r.items.map((i) => info.get(itemKey(i.itemType, i.itemId))?.planId ?? null)).filter((id): id is string => !!id))];
  const [units, areaRows, planRows] = await Promise.all([
    unitIds.length ? db.select({ id: orgUnits.id }).from(orgUnits).where(and(inArray(orgUnits.id, unitIds), regionIn(orgUnits.regionId, scope))) : [],
    areaIds.length ? db.select({ id: areas.id }).from(areas).where(and(inArray(areas.id, areaIds), programIn(areas.programId, scope))) : [],
    planIds.length ? db.select({ id: plans.id }).from(plans).where(and(inArray(plans.id, planIds), programIn(plans.programId, scope))) : [],
  ]);
  const [inUnits, inAreas, inPlans] = [new Set(units.map((u) => u.id)), new Set(areaRows.map((a) => a.id)), new Set(planRows.map((p) => p.id))];
  return rows.map((r) =>
    scope.includes(r.regionId)
      ? r
      : {
          ...r,
          unitIds: r.unitIds.filter((id) => inUnits.has(id)),
          areaIds: r.areaIds.filter((id) => inAreas.has(id)),
          items: r.items.filter((i) => inPlans.has(info.get(itemKey(i.itemType, i.itemId))?.planId ?? '')),
        },
  );
}

/** The titles of the campaigns' scope items and the names of their inspectors, read once for a page of them (trimmed to the reader's regions). */
async function withItemTitles(db: Executor, found: InspectionRow[], scope: RegionScope): Promise<InspectionView[]> {
  const info = await loadItems(db, found.flatMap((r) => r.items));
  const rows = await withinScope(db, found, scope, info);
  const people = await userNames(db, rows.flatMap((r) => r.inspectorIds));
  return rows.map((r) => ({
    ...r,
    itemTitles: r.items.map((i) => info.get(itemKey(i.itemType, i.itemId))?.title ?? null),
    inspectorNames: r.inspectorIds.map((id) => people.get(id) ?? '—'),
  }));
}

/** Campaigns the actor may see, newest period first, one page. */
export async function listInspections(db: Executor, actor: Actor | null, f: InspectionFilter, page: number, perPage: number): Promise<{ rows: InspectionView[]; total: number }> {
  const conds: (SQL | undefined)[] = [inspectionScope(actor)];
  if (f.kind) conds.push(eq(inspections.kind, f.kind));
  if (f.unit) conds.push(inspectsUnit(f.unit));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(inspections)
      .where(where)
      .orderBy(desc(inspections.periodFrom), desc(inspections.createdAt), desc(inspections.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(inspections).where(where),
  ]);
  return { rows: await withItemTitles(db, rows, scopeOf(actor)), total: count?.n ?? 0 };
}

/** One campaign if the actor may see it. */
export async function findVisibleInspection(db: Executor, actor: Actor | null, id: string): Promise<InspectionView | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), inspectionScope(actor)));
  return row ? (await withItemTitles(db, [row], scopeOf(actor)))[0] : undefined;
}
