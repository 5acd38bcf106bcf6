import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';
import type { Executor } from './client.js';

/**
 * 422 naming the field when a referenced row (unit, body, region, …) does not exist. The field's
 * own message is empty so that a form shows the error's localised message on it (web/components/formErrors.ts).
 */
export async function ensureExists(db: Executor, table: PgTable & { id: PgColumn }, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const rows = await db.select({ id: table.id }).from(table as PgTable).where(eq(table.id, id)).limit(1);
  if (rows.length === 0) throw new AppError(422, 'reference_invalid', { field }, { [field]: '' });
}

/** 409 naming the field when a unique value is taken (empty field message: the form shows the localised one). */
export const duplicate = (field: string, value: string) => new AppError(409, 'duplicate', { field, value }, { [field]: '' });
