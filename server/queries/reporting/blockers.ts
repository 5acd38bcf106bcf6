import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { BlockerLevel, BlockerStatus } from '../../../domain/schemas/blocker.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { blockers, orgUnits, users } from '../../db/schema/index.js';
import { blockerScope } from './scope.js';

export interface BlockerFilter {
  status?: BlockerStatus | undefined;
  level?: BlockerLevel | undefined;
  unit?: string | undefined;
  item?: string | undefined;
  /** Oldest first (what has waited longest for a decision), else newest first. */
  sort?: 'newest' | 'oldest' | undefined;
}

const blockerRow = { blocker: blockers, unitName: orgUnits.name, decidedByName: users.displayName };

/** Blockers the actor may see, filtered, newest first, one page, with unit names. */
export async function listBlockers(db: Executor, actor: Actor | null, f: BlockerFilter, page: number, perPage: number) {
  const conds: (SQL | undefined)[] = [blockerScope(db, actor)];
  if (f.status) conds.push(eq(blockers.status, f.status));
  if (f.level) conds.push(eq(blockers.level, f.level));
  if (f.unit) conds.push(eq(blockers.unitId, f.unit));
  if (f.item) conds.push(eq(blockers.itemId, f.item));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select(blockerRow)
      .from(blockers)
      .leftJoin(orgUnits, eq(orgUnits.id, blockers.unitId))
      .leftJoin(users, eq(users.id, blockers.decidedById))
      .where(where)
      .orderBy(...(f.sort === 'oldest' ? [asc(blockers.raisedAt), asc(blockers.id)] : [desc(blockers.raisedAt), desc(blockers.id)]))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(blockers).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** One blocker if the actor may see it. */
export async function findVisibleBlocker(db: Executor, actor: Actor | null, id: string) {
  const [row] = await db
    .select(blockerRow)
    .from(blockers)
    .leftJoin(orgUnits, eq(orgUnits.id, blockers.unitId))
    .leftJoin(users, eq(users.id, blockers.decidedById))
    .where(and(eq(blockers.id, id), blockerScope(db, actor)));
  return row;
}
