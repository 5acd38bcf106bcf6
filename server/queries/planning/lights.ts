import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';

/** How many rows of the filtered set have each light (lights are stored and indexed, never recomputed here). */
export function countLights(db: Executor, table: PgTable & { light: PgColumn }, where: SQL | undefined) {
  return db
    .select({ light: table.light, n: sql<number>`count(*)::int` })
    .from(table as PgTable)
    .where(where)
    .groupBy(table.light) as Promise<{ light: string; n: number }[]>;
}

/** Light order for sorting: the most urgent first. */
export const lightRank = (col: PgColumn) => sql`case ${col} when 'red' then 0 when 'yellow' then 1 when 'green' then 2 when 'not_started' then 3 else 4 end`;
