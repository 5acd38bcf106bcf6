import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { InspectionKind } from '../../../domain/ledger.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { inspections } from '../../db/schema/index.js';
import { userNames } from '../users.js';
import { itemKey } from '../../../domain/work.js';
import type { InspectionRow, InspectionView } from '../../models/inspections.js';
import { loadItems } from '../reporting/items.js';
import { inspectionScope, inspectsUnit } from './scope.js';

export interface InspectionFilter {
  kind?: InspectionKind | undefined;
  /** Campaigns that inspect this unit. */
  unit?: string | undefined;
}

/** The titles of the campaigns' scope items and the names of their inspectors, read once for a page of them. */
async function withItemTitles(db: Executor, rows: InspectionRow[]): Promise<InspectionView[]> {
  const info = await loadItems(db, rows.flatMap((r) => r.items));
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
  return { rows: await withItemTitles(db, rows), total: count?.n ?? 0 };
}

/** One campaign if the actor may see it. */
export async function findVisibleInspection(db: Executor, actor: Actor | null, id: string): Promise<InspectionView | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), inspectionScope(actor)));
  return row ? (await withItemTitles(db, [row]))[0] : undefined;
}
