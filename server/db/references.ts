import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';
import type { Executor } from './client.js';
import { referable } from '../queries/writeScope.js';

/**
 * 422 naming the field when a referenced row (unit, body, region, …) does not exist. The field's
 * own message is empty so that a form shows the error's localised message on it (web/components/formErrors.ts).
 * In an actor's write, a row of another district is one that does not exist (queries/writeScope.ts).
 */
export async function ensureExists(db: Executor, table: PgTable & { id: PgColumn }, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const rows = await db.select({ id: table.id }).from(table as PgTable).where(and(eq(table.id, id), referable(db, table))).limit(1);
  if (rows.length === 0) throw new AppError(422, 'reference_invalid', { field }, { [field]: '' });
}

/** 409 naming the field when a unique value is taken (empty field message: the form shows the localised one). */
export const duplicate = (field: string, value: string) => new AppError(409, 'duplicate', { field, value }, { [field]: '' });

/**
 * What a PostgreSQL unique violation (23505) was about, from its detail ("Key (plan_id, code)=(…, S1)
 * already exists."): the last column as the API names it (camelCase) and its value. Undefined when
 * the detail does not say (a constraint over an expression).
 */
export function uniqueViolationField(detail: unknown): { field: string; value: string } | undefined {
  if (typeof detail !== 'string') return undefined;
  const m = /^Key \((.+)\)=\((.*)\) already exists\.?$/s.exec(detail);
  if (!m) return undefined;
  const columns = m[1]!.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const values = m[2]!.split(', ');
  const column = columns[columns.length - 1]!;
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) return undefined;
  const value = columns.length === values.length ? values[values.length - 1]! : m[2]!;
  return { field: column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), value };
}
