import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { planTextRows } from '../../../domain/imports/planText.js';
import { buildRows, rowIssues, type SourceRow } from '../../../domain/imports/rows.js';
import { unitMatcher } from '../../../domain/imports/units.js';
import { recordAudit } from '../../audit.js';
import { now } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { importPreviews } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { message } from '../../i18n.js';
import { lightEnv } from '../../lights/refresh.js';
import { importUnits, planCodes } from '../../queries/imports/previews.js';
import type { Upload } from '../../uploads.js';
import { readTaskSheet } from '../../xlsx/taskImport.js';
import { planAndProgram } from '../planning/checks.js';

/** How long a preview waits for its commit: a working day's fixing, then the file is read again. */
export const IMPORT_PREVIEW_HOURS = 24;

interface Source {
  kind: 'tasks_xlsx' | 'plan_text';
  planId: string;
  fileName: string | null;
  bytes: Buffer;
  rows: SourceRow[];
  preamble: string[];
}

/**
 * Reads what was sent into rows against the plan's codes, the units and the workday calendar, and
 * keeps them as a preview of the actor's; no task is written. The actor's expired, uncommitted
 * previews go at the same time (nothing else needs them). Audited as `task.import_previewed`.
 */
async function storePreview(ctx: Ctx, s: Source): Promise<string> {
  return inTx(ctx, async (tx) => {
    const { program } = await planAndProgram(tx, s.planId);
    const [units, codes, env] = [await importUnits(tx, program.regionId), await planCodes(tx, s.planId), await lightEnv(tx)];
    const rows = buildRows(s.rows, { match: unitMatcher(units), env, firstRoot: codes.firstRoot, takenCodes: codes.taken });
    const sha256 = createHash('sha256').update(s.bytes).digest('hex');
    const at = now();
    const mine = eq(importPreviews.createdById, ctx.actor!.userId);
    await tx.delete(importPreviews).where(and(mine, isNull(importPreviews.committedAt), lt(importPreviews.expiresAt, at)));
    const [p] = await tx
      .insert(importPreviews)
      .values({ kind: s.kind, planId: s.planId, createdById: ctx.actor!.userId, createdAt: at, expiresAt: new Date(at.getTime() + IMPORT_PREVIEW_HOURS * 3_600_000), fileName: s.fileName, sha256, preamble: s.preamble, rows })
      .returning({ id: importPreviews.id });
    const errors = rows.filter((r) => rowIssues(r).errors.length > 0).length;
    await recordAudit(tx, ctx, 'task.import_previewed', { entity: 'import_preview', entityId: p!.id, after: { kind: s.kind, planId: s.planId, fileName: s.fileName, sha256, rows: rows.length, rowsWithErrors: errors } });
    return p!.id;
  });
}

/** A 任务分解表 (.xlsx) read into a preview (the file's refusals are `readTaskSheet`'s). */
export async function previewTaskSheet(ctx: Ctx, planId: string, file: Upload): Promise<string> {
  const rows = await readTaskSheet(file);
  return storePreview(ctx, { kind: 'tasks_xlsx', planId, fileName: file.name, bytes: file.bytes, rows, preamble: [] });
}

/** A pasted 方案 read into a preview; text without a single numbered clause is 422. */
export async function previewPlanText(ctx: Ctx, planId: string, text: string): Promise<string> {
  const { preamble, rows } = planTextRows(text);
  if (rows.length === 0) throw new AppError(422, 'import_text_empty', {}, { text: message('import_text_empty', ctx.lang) });
  return storePreview(ctx, { kind: 'plan_text', planId, fileName: null, bytes: Buffer.from(text, 'utf8'), rows, preamble });
}
