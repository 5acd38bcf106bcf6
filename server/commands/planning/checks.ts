import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { areas, bodies, orgUnits, plans, programs } from '../../db/schema/index.js';
import { duplicate } from '../../db/references.js';
import { AppError } from '../../errors.js';
import type { MessageCode } from '../../i18n.js';
import { loadItems } from '../../queries/reporting/items.js';
import { referable, writeScope } from '../../queries/writeScope.js';
import { itemKey } from '../../../domain/work.js';

/** 422: a business rule refused the value of this field. */
export const ruleBroken = (code: MessageCode, field: string, params: Record<string, string | number> = {}) =>
  new AppError(422, code, { field, ...params }, { [field]: code });

export const badReference = (field: string) => ruleBroken('reference_invalid', field);

/** The plan and its program, or 422 naming the field (a plan of another district is one that does not exist). */
export async function planAndProgram(tx: Tx, planId: string, field = 'planId') {
  const [row] = await tx
    .select({ plan: plans, program: programs })
    .from(plans)
    .innerJoin(programs, eq(programs.id, plans.programId))
    .where(and(eq(plans.id, planId), referable(tx, plans)));
  if (!row) throw badReference(field);
  return row;
}

/** An area (重点领域) must belong to the same program as the plan. */
export async function ensureAreaIn(tx: Tx, areaId: string | null | undefined, programId: string, field = 'areaId') {
  if (!areaId) return;
  const [a] = await tx.select({ id: areas.id }).from(areas).where(and(eq(areas.id, areaId), eq(areas.programId, programId)));
  if (!a) throw badReference(field);
}

export async function ensureAreasIn(tx: Tx, ids: readonly string[], programId: string, field: string) {
  for (const [i, id] of ids.entries()) await ensureAreaIn(tx, id, programId, `${field}.${i}`);
}

/** A plan's owner must be a 专项推进组 (a body of kind task_force). */
export async function ensureTaskForce(tx: Tx, bodyId: string | null | undefined, field = 'taskForceId') {
  if (!bodyId) return;
  const [b] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.id, bodyId), eq(bodies.kind, 'task_force'), referable(tx, bodies)));
  if (!b) throw badReference(field);
}

/** Which of these units exist (in the write's regions): one statement for a whole batch's units. */
export async function existingUnits(tx: Tx, ids: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Set();
  return new Set((await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(inArray(orgUnits.id, wanted), referable(tx, orgUnits)))).map((r) => r.id));
}

/** Every unit exists; the first missing one is named by its index (supportUnitIds.2). */
export async function ensureUnits(tx: Tx, ids: readonly (string | null | undefined)[], field: string, indexed = true) {
  const found = await existingUnits(tx, ids);
  const i = ids.findIndex((x) => !!x && !found.has(x));
  if (i >= 0) throw badReference(indexed ? `${field}.${i}` : field);
}

type CodedTable = PgTable & { id: PgColumn; code: PgColumn };

/** 409 when the code is taken within the scope (a plan, a program), by another row than `selfId`. */
export async function ensureCodeFree(tx: Tx, table: CodedTable, code: string | undefined, scope: SQL | undefined, selfId?: string) {
  if (!code) return;
  const conds = [eq(table.code, code), scope, selfId ? ne(table.id, selfId) : undefined].filter((c): c is SQL => !!c);
  const rows = await tx.select({ id: table.id }).from(table as PgTable).where(and(...conds)).limit(1);
  if (rows.length) throw duplicate('code', code);
}

/**
 * Every `{ itemType, itemId }` names an existing task, target or project; the first that does not is
 * named by its index (422); an item of another district's plan is one that does not exist. Kind by
 * kind: the reads share the transaction's connection.
 */
export async function ensureItems(tx: Tx, items: readonly { itemType: string; itemId: string }[], field: string) {
  const loaded = new Map<string, string | null>();
  for (const t of new Set(items.map((i) => i.itemType))) for (const [k, info] of await loadItems(tx, items.filter((i) => i.itemType === t))) loaded.set(k, info.planId);
  const planIds = [...new Set([...loaded.values()].filter((p): p is string => !!p))];
  const inScope = new Set(planIds.length ? (await tx.select({ id: plans.id }).from(plans).where(and(inArray(plans.id, planIds), referable(tx, plans)))).map((r) => r.id) : []);
  // A project of no plan has no region: it passes, as at the gate.
  const found = new Set([...loaded].filter(([, planId]) => planId === null || inScope.has(planId) || !writeScope(tx)).map(([k]) => k));
  const missing = items.findIndex((i) => !found.has(itemKey(i.itemType, i.itemId)));
  if (missing >= 0) throw badReference(`${field}.${missing}`);
}

/** How a batch names a refused value by its row (rows.12.code). */
export type FieldName = (i: number, f: string) => string;

/** A refusal about row `i`, its fields renamed by `field` (rows.12.leadUnitId): the batch says which row. */
export function renamed(e: unknown, i: number, field: FieldName): unknown {
  if (!(e instanceof AppError) || !e.fields) return e;
  const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [field(i, k), v]));
  return new AppError(e.status, e.code, { ...e.params, ...(typeof e.params.field === 'string' ? { field: field(i, e.params.field) } : {}) }, fields);
}

export function named<T>(i: number, field: FieldName, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw renamed(e, i, field);
  }
}
