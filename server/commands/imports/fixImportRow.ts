import { eq, sql } from 'drizzle-orm';
import { applyFix } from '../../../domain/imports/rows.js';
import { applyItemFix, isItemRow, type AnyImportRow } from '../../../domain/imports/itemRows.js';
import { isValueKey } from '../../../domain/imports/itemValues.js';
import type { z } from 'zod';
import type { ImportRowFix } from '../../../domain/schemas/import.js';
import { recordAudit } from '../../audit.js';
import { now } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { importPreviews } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { message } from '../../i18n.js';
import { lightEnv } from '../../lights/refresh.js';
import type { PreviewHead } from '../../models/imports.js';
import { importUnit, ownPreview, previewRow } from '../../queries/imports/previews.js';
import { IMPORT_PREVIEW_HOURS, importSubject } from './previewImport.js';
import { badReference, planAndProgram } from '../planning/checks.js';

/** A preview that may still change: 409 once committed (naming when) or expired. */
export function ensureOpen(p: PreviewHead, ctx: Ctx): void {
  if (p.committedAt) throw new AppError(409, 'import_committed', { at: p.committedAt.toISOString() });
  if (p.expiresAt <= now()) throw new AppError(409, 'import_expired', { hours: IMPORT_PREVIEW_HOURS }, { previewId: message('import_expired', ctx.lang, { hours: IMPORT_PREVIEW_HOURS }) });
}

/**
 * One fix in the actor's own open preview: a name of the row matched to a unit (422 naming
 * `unitText` when the row names no such text, `unitId` when there is no such unit), the deadline
 * written again (a task's), or a value cell written again (a target's or project's: 422 naming `cell`
 * when its table has no such column); the row is read anew and replaced in place. Audited as
 * `<task|target|project>.import_fixed`.
 */
export async function fixImportRow(ctx: Ctx, previewId: string, line: number, fix: z.infer<typeof ImportRowFix>): Promise<void> {
  await inTx(ctx, async (tx) => {
    const p = await ownPreview(tx, ctx.actor, previewId, { lock: true });
    ensureOpen(p, ctx);
    const row = await previewRow(tx, previewId, line);
    if (!row) throw notFound('import_row');
    // A task row has no value cells, a target or project row no deadline: a fix for either is refused, not dropped.
    const misplaced = isItemRow(row) ? (fix.deadlineText !== undefined ? 'deadlineText' : undefined) : fix.cell !== undefined ? 'cell' : undefined;
    if (misplaced) {
      const cell = misplaced === 'cell' ? fix.cell! : 'deadline';
      throw new AppError(422, 'import_cell_not_offered', { cell }, { [misplaced]: message('import_cell_not_offered', ctx.lang, { cell }) });
    }
    const { program } = await planAndProgram(tx, p.planId);
    let unit: { id: string; name: string } | undefined;
    if (fix.unitText !== undefined) {
      const named = isItemRow(row) ? row.unit?.text === fix.unitText : [row.leadUnit, ...row.supportUnits].some((m) => m?.text === fix.unitText);
      if (!named) throw new AppError(422, 'import_unit_not_offered', { text: fix.unitText }, { unitText: message('import_unit_not_offered', ctx.lang, { text: fix.unitText }) });
      unit = await importUnit(tx, fix.unitId!, program.regionId);
      if (!unit) throw badReference('unitId');
    }
    const env = await lightEnv(tx);
    const chosen = { unitText: fix.unitText, unitId: unit?.id, unitName: unit?.name };
    let next: AnyImportRow;
    if (isItemRow(row)) {
      if (fix.cell !== undefined && !isValueKey(row.kind, fix.cell)) throw new AppError(422, 'import_cell_not_offered', { cell: fix.cell }, { cell: message('import_cell_not_offered', ctx.lang, { cell: fix.cell }) });
      next = applyItemFix(row, { ...chosen, cell: fix.cell, text: fix.text }, { env, years: { from: program.startYear, to: program.endYear } });
    } else next = applyFix(row, { ...chosen, deadlineText: fix.deadlineText }, env);
    await tx
      .update(importPreviews)
      .set({ rows: sql`jsonb_set(${importPreviews.rows}, ${`{${line - 1}}`}::text[], ${JSON.stringify(next)}::jsonb)`, version: sql`${importPreviews.version} + 1` })
      .where(eq(importPreviews.id, previewId));
    await recordAudit(tx, ctx, `${importSubject(p.kind)}.import_fixed`, { entity: 'import_preview', entityId: previewId, before: { line, ...pick(row) }, after: { line, ...pick(next) } });
  });
}

/** What a fix can change: the units, a task's deadline, a target's or project's cells. */
const pick = (r: AnyImportRow) =>
  isItemRow(r) ? { unit: r.unit, cells: r.cells } : { leadUnit: r.leadUnit, supportUnits: r.supportUnits, deadlineText: r.deadlineText, deadline: r.deadline };
