import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { UNRESOLVED_BLOCKER_STATUSES, type BlockerCategory, type BlockerLevel, type BlockerStatus } from '../../../domain/schemas/blocker.js';
import { itemKey } from '../../../domain/work.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { blockerItems, blockers, orgUnits, users } from '../../db/schema/index.js';
import type { BlockerView } from '../../models/reporting.js';
import { loadItems } from './items.js';
import { blockerScope } from './scope.js';

export interface BlockerFilter {
  /** `unresolved`: open or assigned. */
  status?: BlockerStatus | 'unresolved' | undefined;
  level?: BlockerLevel | undefined;
  unit?: string | undefined;
  resolver?: string | undefined;
  category?: BlockerCategory | undefined;
  item?: string | undefined;
  /** Oldest first (what has waited longest for a decision), else newest first. */
  sort?: 'newest' | 'oldest' | undefined;
}

const resolverUnits = alias(orgUnits, 'resolver_units');
const blockerRow = { blocker: blockers, unitName: orgUnits.name, decidedByName: users.displayName, resolverUnitName: resolverUnits.name };

function joined(db: Executor) {
  return db
    .select(blockerRow)
    .from(blockers)
    .leftJoin(orgUnits, eq(orgUnits.id, blockers.unitId))
    .leftJoin(resolverUnits, eq(resolverUnits.id, blockers.resolverUnitId))
    .leftJoin(users, eq(users.id, blockers.decidedById));
}

type Joined = Omit<BlockerView, 'items'>;

/** Every item each blocker holds back, its own first, with titles (three queries at most besides one for the links). */
async function withItems(db: Executor, rows: Joined[]): Promise<BlockerView[]> {
  if (!rows.length) return [];
  const links = await db
    .select()
    .from(blockerItems)
    .where(inArray(blockerItems.blockerId, rows.map((r) => r.blocker.id)));
  const refs = [...rows.map((r) => ({ itemType: r.blocker.itemType, itemId: r.blocker.itemId })), ...links];
  const info = await loadItems(db, refs);
  const title = (t: string, id: string) => info.get(itemKey(t, id))?.title ?? null;
  return rows.map((r) => {
    const own = { itemType: r.blocker.itemType, itemId: r.blocker.itemId, title: title(r.blocker.itemType, r.blocker.itemId) };
    const others = links.filter((l) => l.blockerId === r.blocker.id && l.itemId !== r.blocker.itemId).map((l) => ({ itemType: l.itemType, itemId: l.itemId, title: title(l.itemType, l.itemId) }));
    return { ...r, items: [own, ...others] };
  });
}

/** Blockers the actor may see, filtered, one page, with names and the items they hold back. */
export async function listBlockers(db: Executor, actor: Actor | null, f: BlockerFilter, page: number, perPage: number): Promise<{ rows: BlockerView[]; total: number }> {
  const conds: (SQL | undefined)[] = [blockerScope(db, actor)];
  if (f.status === 'unresolved') conds.push(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]));
  else if (f.status) conds.push(eq(blockers.status, f.status));
  if (f.level) conds.push(eq(blockers.level, f.level));
  if (f.unit) conds.push(eq(blockers.unitId, f.unit));
  if (f.resolver) conds.push(eq(blockers.resolverUnitId, f.resolver));
  if (f.category) conds.push(eq(blockers.category, f.category));
  // Any item it holds back, not only its own: the page of an item blocked by another's 堵点 lists it too.
  if (f.item) conds.push(inArray(blockers.id, db.select({ id: blockerItems.blockerId }).from(blockerItems).where(eq(blockerItems.itemId, f.item))));
  const where = and(...conds);
  // Oldest first by when it reached its level: what has waited longest at the holder's desk.
  const order = f.sort === 'oldest' ? [asc(blockers.levelSince), asc(blockers.id)] : [desc(blockers.raisedAt), desc(blockers.id)];
  const [rows, [count]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(...order)
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(blockers).where(where),
  ]);
  return { rows: await withItems(db, rows), total: count?.n ?? 0 };
}

/** One blocker if the actor may see it. */
export async function findVisibleBlocker(db: Executor, actor: Actor | null, id: string): Promise<BlockerView | undefined> {
  const rows = await joined(db).where(and(eq(blockers.id, id), blockerScope(db, actor)));
  return (await withItems(db, rows))[0];
}
