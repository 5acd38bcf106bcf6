import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '../errors.js';
import type { Tx } from './client.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Updates a row only if nobody saved it since the client read it: the second of two concurrent
 * editors gets 409 instead of silently overwriting the first.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  entity: string,
  id: string,
  version: number,
  patch: Record<string, unknown>,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as unknown as T['$inferSelect'][];
  if (rows.length === 1) return rows[0]!;
  const exists = await tx.select({ v: table.version }).from(table as PgTable).where(eq(table.id, id));
  if (exists.length === 0) throw notFound(entity);
  throw new AppError(409, 'version_conflict');
}

/** Reads a row for update (locks it until the transaction ends) or throws 404. */
export async function lockRow<T extends VersionedTable>(tx: Tx, table: T, entity: string, id: string): Promise<T['$inferSelect']> {
  const rows = await tx.select().from(table as PgTable).where(eq(table.id, id)).for('update');
  if (!rows[0]) throw notFound(entity);
  return rows[0] as T['$inferSelect'];
}
