import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * A table's row as one JSON object keyed by the schema's field names, so a single query can carry a
 * row's children as json_agg instead of one round trip per child table. Numerics travel as text
 * (JSON numbers would lose their exact decimals); `fromJsonRow` restores dates and the rest.
 */
/** A field name as an SQL string literal (field names are the schema's own identifiers). */
const literal = (key: string) => sql.raw(`'${key.replace(/'/g, "''")}'`);

export function jsonRowOf(table: PgTable, extra: Record<string, SQL | PgColumn> = {}): SQL {
  const pairs: SQL[] = [];
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    pairs.push(sql`${literal(key)}, ${col.columnType === 'PgNumeric' ? sql`${col}::text` : col}`);
  }
  for (const [key, value] of Object.entries(extra)) pairs.push(sql`${literal(key)}, ${value}`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** The typed row back from `jsonRowOf`'s object (timestamps become Dates as a plain select gives them). */
export function fromJsonRow<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    const v = json[key];
    out[key] = v === null || v === undefined ? null : col.columnType === 'PgNumeric' || col.columnType === 'PgJsonb' ? v : col.mapFromDriverValue(v);
  }
  return out as T['$inferSelect'];
}

/** Fields under their own names, so a subquery's rows become JSON objects keyed by them (see jsonRows). */
export function named<T extends Record<string, SQL | PgColumn>>(fields: T): { [K in keyof T]: SQL.Aliased<T[K] extends PgColumn ? T[K]['_']['data'] : T[K] extends SQL<infer U> ? U : unknown> } {
  const out: Record<string, SQL.Aliased> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = sql`${value}`.as(key);
  return out as never;
}

/**
 * A subquery's rows as one JSON array, in the subquery's order (PostgreSQL aggregates an ordered
 * subquery in its order). Several lists then come back in one query and one field each: on the
 * embedded database every query runs in turn and every field is handed over one by one.
 */
export const jsonRows = <T>(query: SQL | { getSQL(): SQL }) => sql<T[]>`coalesce((select json_agg(row_to_json(x)) from (${query}) x), '[]'::json)`;
