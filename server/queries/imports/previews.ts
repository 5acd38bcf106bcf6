import { and, eq, sql } from 'drizzle-orm';
import type { AnyImportRow } from '../../../domain/imports/itemRows.js';
import type { UnitRef } from '../../../domain/imports/units.js';
import type { UnitKind } from '../../../domain/enums.js';
import type { Actor } from '../../context.js';
import type { Executor, Tx } from '../../db/client.js';
import { areas, importPreviews, orgUnits, projects, targets, tasks } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { PreviewHead } from '../../models/imports.js';
import { taskImportPolicy } from '../../policies/taskImport.js';

/** The units an import into a plan may name: its district's (the program's region), not disabled. "各街镇" is that district's. */
export async function importUnits(db: Executor, regionId: string): Promise<UnitRef[]> {
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.regionId, regionId), eq(orgUnits.disabled, false)));
  return rows.map((r) => ({ ...r, kind: r.kind as UnitKind }));
}

/** A unit by id, if an import into the region may name it (for a fix). */
export async function importUnit(db: Executor, id: string, regionId: string): Promise<{ id: string; name: string } | undefined> {
  const [u] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), eq(orgUnits.regionId, regionId), eq(orgUnits.disabled, false)));
  return u;
}

/**
 * The plan's task codes, and where an import's roots start: after the highest numbered root, so
 * imported codes ("4", "4.1") continue the plan's own instead of colliding with them.
 */
export async function planCodes(db: Executor, planId: string): Promise<{ taken: Set<string>; firstRoot: number }> {
  const rows = await db.select({ code: tasks.code, parentId: tasks.parentId }).from(tasks).where(eq(tasks.planId, planId));
  const roots = rows.filter((r) => r.parentId === null && /^\d{1,6}$/.test(r.code)).map((r) => Number(r.code));
  return { taken: new Set(rows.map((r) => r.code)), firstRoot: roots.length ? Math.max(...roots) + 1 : 1 };
}

/** A program's areas (重点领域), which a target or project row may name. */
export const programAreas = (db: Executor, programId: string) => db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.programId, programId));

/**
 * The codes a target import into the plan (or a project import: every project's) may not use, and
 * where its own numbering starts: after the highest numeric code among them.
 */
export async function itemCodes(db: Executor, kind: 'target' | 'project', planId: string): Promise<{ taken: Set<string>; first: number }> {
  const rows = kind === 'target' ? await db.select({ code: targets.code }).from(targets).where(eq(targets.planId, planId)) : await db.select({ code: projects.code }).from(projects);
  const numbers = rows.filter((r) => /^\d{1,9}$/.test(r.code)).map((r) => Number(r.code));
  return { taken: new Set(rows.map((r) => r.code)), first: numbers.length ? Math.max(...numbers) + 1 : 1 };
}

const head = {
  id: importPreviews.id,
  kind: importPreviews.kind,
  planId: importPreviews.planId,
  createdById: importPreviews.createdById,
  createdAt: importPreviews.createdAt,
  expiresAt: importPreviews.expiresAt,
  fileName: importPreviews.fileName,
  sha256: importPreviews.sha256,
  preamble: importPreviews.preamble,
  committedAt: importPreviews.committedAt,
  version: importPreviews.version,
};

/**
 * The actor's own preview, locked for a write when `lock`; anyone else's is 404, as if it did not
 * exist (a preview id says nothing to another user). With `rows`, its rows too.
 */
export async function ownPreview(db: Executor | Tx, actor: Actor | null, id: string, o: { lock?: boolean } = {}): Promise<PreviewHead> {
  const q = db.select(head).from(importPreviews).where(eq(importPreviews.id, id));
  const [row] = o.lock ? await q.for('update') : await q;
  if (!row || !taskImportPolicy.row.read(actor, row)) throw notFound('import_preview');
  return row;
}

/** All rows of a preview, in order. */
export async function previewRows(db: Executor, id: string): Promise<AnyImportRow[]> {
  const [r] = await db.select({ rows: importPreviews.rows }).from(importPreviews).where(eq(importPreviews.id, id));
  return r?.rows ?? [];
}

/** One row of a preview (the jsonb element only: a fix on a 10,000-row preview reads one row). */
export async function previewRow(db: Executor, id: string, line: number): Promise<AnyImportRow | undefined> {
  const [r] = await db
    .select({ row: sql<AnyImportRow | null>`${importPreviews.rows} -> ${line - 1}::int` })
    .from(importPreviews)
    .where(eq(importPreviews.id, id));
  return r?.row ?? undefined;
}
