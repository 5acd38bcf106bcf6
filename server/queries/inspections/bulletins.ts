import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { BulletinStatus } from '../../../domain/bulletin.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { bulletinFiles, bulletins, inspections } from '../../db/schema/index.js';
import type { BulletinView } from '../../models/inspections.js';
import { bulletinScope } from './scope.js';

const viewRow = { bulletin: bulletins, inspectionTitle: inspections.title };
const joined = (db: Executor) => db.select(viewRow).from(bulletins).leftJoin(inspections, eq(inspections.id, bulletins.inspectionId));

/** Bulletins the actor may see, newest first, one page. */
export async function listBulletins(db: Executor, actor: Actor | null, f: { status?: BulletinStatus | undefined }, page: number, perPage: number): Promise<{ rows: BulletinView[]; total: number }> {
  const conds: (SQL | undefined)[] = [bulletinScope(actor)];
  if (f.status) conds.push(eq(bulletins.status, f.status));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(bulletins.createdAt), desc(bulletins.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(bulletins).where(where),
  ]);
  return { rows, total: n?.n ?? 0 };
}

/** One bulletin if the actor may see it. */
export async function findVisibleBulletin(db: Executor, actor: Actor | null, id: string): Promise<BulletinView | undefined> {
  const [row] = await joined(db).where(and(eq(bulletins.id, id), bulletinScope(actor)));
  return row;
}

/** The frozen bytes of an issued bulletin. */
export async function bulletinFile(db: Executor, id: string): Promise<{ sha256: string; content: Buffer } | undefined> {
  const [row] = await db.select({ sha256: bulletinFiles.sha256, content: bulletinFiles.content }).from(bulletinFiles).where(eq(bulletinFiles.bulletinId, id));
  return row ? { sha256: row.sha256, content: Buffer.from(row.content) } : undefined;
}
