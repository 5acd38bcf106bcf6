import { eq, sql } from 'drizzle-orm';
import { applyFix, type ImportRow } from '../../../domain/imports/rows.js';
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
import { IMPORT_PREVIEW_HOURS } from './previewImport.js';
import { badReference, planAndProgram } from '../planning/checks.js';

/** A preview that may still change: 409 once committed (naming when) or expired. */
export function ensureOpen(p: PreviewHead, ctx: Ctx): void {
  if (p.committedAt) throw new AppError(409, 'import_committed', { at: p.committedAt.toISOString() });
  if (p.expiresAt <= now()) throw new AppError(409, 'import_expired', { hours: IMPORT_PREVIEW_HOURS }, { previewId: message('import_expired', ctx.lang, { hours: IMPORT_PREVIEW_HOURS }) });
}

/**
 * One fix in the actor's own open preview: a name of the row matched to a unit (422 naming
 * `unitText` when the row names no such text, `unitId` when there is no such unit), or the deadline
 * written again and read anew. The row is replaced in place; audited as `task.import_fixed`.
 */
export async function fixImportRow(ctx: Ctx, previewId: string, line: number, fix: z.infer<typeof ImportRowFix>): Promise<void> {
  await inTx(ctx, async (tx) => {
    const p = await ownPreview(tx, ctx.actor, previewId, { lock: true });
    ensureOpen(p, ctx);
    const row = await previewRow(tx, previewId, line);
    if (!row) throw notFound('import_row');
    let unit: { id: string; name: string } | undefined;
    if (fix.unitText !== undefined) {
      const named = [row.leadUnit, ...row.supportUnits].some((m) => m?.text === fix.unitText);
      if (!named) throw new AppError(422, 'import_unit_not_offered', { text: fix.unitText }, { unitText: message('import_unit_not_offered', ctx.lang, { text: fix.unitText }) });
      unit = await importUnit(tx, fix.unitId!, (await planAndProgram(tx, p.planId)).program.regionId);
      if (!unit) throw badReference('unitId');
    }
    const env = await lightEnv(tx);
    const next: ImportRow = applyFix(row, { unitText: fix.unitText, unitId: unit?.id, unitName: unit?.name, deadlineText: fix.deadlineText }, env);
    await tx
      .update(importPreviews)
      .set({ rows: sql`jsonb_set(${importPreviews.rows}, ${`{${line - 1}}`}::text[], ${JSON.stringify(next)}::jsonb)`, version: sql`${importPreviews.version} + 1` })
      .where(eq(importPreviews.id, previewId));
    await recordAudit(tx, ctx, 'task.import_fixed', { entity: 'import_preview', entityId: previewId, before: { line, ...pick(row) }, after: { line, ...pick(next) } });
  });
}

const pick = (r: ImportRow) => ({ leadUnit: r.leadUnit, supportUnits: r.supportUnits, deadlineText: r.deadlineText, deadline: r.deadline });
