import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../server/db/client.js';

/**
 * Inserts many rows in a few statements: PostgreSQL takes at most 65,535 parameters per statement,
 * and one statement per row would make the demo load take tens of seconds on the embedded database.
 */
export async function bulkInsert<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * The same for the largest tables (thousands of reports and their steps): each chunk travels as one
 * JSON parameter expanded by jsonb_to_recordset, which the embedded database parses several times
 * faster than thousands of bound parameters. A column some rows leave out is NULL in those rows, so
 * a NOT NULL column must be given in every row or in none (then its default applies).
 */
export async function bulkInsertJson<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], chunk = 5000): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object)))].filter((k) => columns[k]);
  for (const k of keys) {
    if (columns[k]!.notNull && rows.some((r) => (r as Record<string, unknown>)[k] === undefined)) throw new Error(`bulkInsertJson: ${k} is NOT NULL but missing in some rows`);
  }
  const names = keys.map((k) => sql.identifier(columns[k]!.name));
  const defs = sql.raw(keys.map((k) => `"${columns[k]!.name}" ${columns[k]!.getSQLType()}`).join(', '));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk).map((r) => Object.fromEntries(keys.map((k) => [columns[k]!.name, toJson((r as Record<string, unknown>)[k]) ?? null]))));
    await tx.execute(sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(names, sql`, `)} from jsonb_to_recordset(${json}::jsonb) as x(${defs})`);
  }
}
