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
import { importUnits, itemCodes, planCodes, programAreas } from '../../queries/imports/previews.js';
import type { Upload } from '../../uploads.js';
import { readItemSheet, readTaskSheet } from '../../xlsx/taskImport.js';
import type { ItemKind } from '../../../domain/imports/itemColumns.js';
import { buildItemRows, isItemRow, itemRowIssues, type AnyImportRow } from '../../../domain/imports/itemRows.js';
import type { ImportKind } from '../../../domain/schemas/import.js';
import type { Tx } from '../../db/client.js';
import type { LightEnv } from '../../lights/refresh.js';
import { planAndProgram } from '../planning/checks.js';
import { NO_JOB, type Job } from '../../progress/tracker.js';

/** How long a preview waits for its commit: a working day's fixing, then the file is read again. */
export const IMPORT_PREVIEW_HOURS = 24;

interface Source {
  kind: ImportKind;
  planId: string;
  fileName: string | null;
  bytes: Buffer;
  preamble: string[];
}

/** What a preview's audit records are about: the tasks, targets or projects it makes. */
export const importSubject = (kind: string): 'task' | 'target' | 'project' => (kind === 'targets_xlsx' ? 'target' : kind === 'projects_xlsx' ? 'project' : 'task');

type Program = Awaited<ReturnType<typeof planAndProgram>>['program'];

/**
 * Reads what was sent (`build`: the kind's rows against the plan's program, its units and the workday
 * calendar) and keeps it as a preview of the actor's; nothing else is written. The actor's expired,
 * uncommitted previews go at the same time (nothing else needs them). Audited as
 * `<task|target|project>.import_previewed`.
 */
async function storePreview(ctx: Ctx, s: Source, build: (tx: Tx, program: Program, env: LightEnv) => Promise<AnyImportRow[]>, job: Job, sources: number): Promise<string> {
  return inTx(ctx, async (tx) => {
    job.phase('matching', sources);
    const { program } = await planAndProgram(tx, s.planId);
    const rows = await build(tx, program, await lightEnv(tx));
    job.phase('saving');
    const sha256 = createHash('sha256').update(s.bytes).digest('hex');
    const at = now();
    const mine = eq(importPreviews.createdById, ctx.actor!.userId);
    await tx.delete(importPreviews).where(and(mine, isNull(importPreviews.committedAt), lt(importPreviews.expiresAt, at)));
    const [p] = await tx
      .insert(importPreviews)
      .values({ kind: s.kind, planId: s.planId, createdById: ctx.actor!.userId, createdAt: at, expiresAt: new Date(at.getTime() + IMPORT_PREVIEW_HOURS * 3_600_000), fileName: s.fileName, sha256, preamble: s.preamble, rows })
      .returning({ id: importPreviews.id });
    const errors = rows.filter((r) => (isItemRow(r) ? itemRowIssues(r) : rowIssues(r)).errors.length > 0).length;
    await recordAudit(tx, ctx, `${importSubject(s.kind)}.import_previewed`, { entity: 'import_preview', entityId: p!.id, after: { kind: s.kind, planId: s.planId, fileName: s.fileName, sha256, rows: rows.length, rowsWithErrors: errors } });
    return p!.id;
  });
}

/** Task rows against the plan's codes and the program's district's units. */
const taskRows = (sources: SourceRow[], planId: string) => async (tx: Tx, program: Program, env: LightEnv) => {
  const [units, codes] = [await importUnits(tx, program.regionId), await planCodes(tx, planId)];
  return buildRows(sources, { match: unitMatcher(units), env, firstRoot: codes.firstRoot, takenCodes: codes.taken });
};

/** A 任务分解表 (.xlsx) read into a preview (the file's refusals are `readTaskSheet`'s). */
export async function previewTaskSheet(ctx: Ctx, planId: string, file: Upload, job: Job = NO_JOB): Promise<string> {
  job.phase('parsing');
  const rows = await readTaskSheet(file);
  return storePreview(ctx, { kind: 'tasks_xlsx', planId, fileName: file.name, bytes: file.bytes, preamble: [] }, taskRows(rows, planId), job, rows.length);
}

/** A pasted 方案 read into a preview; text without a single numbered clause is 422. */
export async function previewPlanText(ctx: Ctx, planId: string, text: string, job: Job = NO_JOB): Promise<string> {
  job.phase('parsing');
  const { preamble, rows } = planTextRows(text);
  if (rows.length === 0) throw new AppError(422, 'import_text_empty', {}, { text: message('import_text_empty', ctx.lang) });
  return storePreview(ctx, { kind: 'plan_text', planId, fileName: null, bytes: Buffer.from(text, 'utf8'), preamble }, taskRows(rows, planId), job, rows.length);
}

/**
 * A 指标表 or 重点项目表 (.xlsx) read into a preview of targets or projects under the plan: units of
 * the program's district, its areas and years, the codes already taken (the file's refusals are
 * `readItemSheet`'s).
 */
export async function previewItemSheet(ctx: Ctx, kind: ItemKind, planId: string, file: Upload, job: Job = NO_JOB): Promise<string> {
  job.phase('parsing');
  const sources = await readItemSheet(kind, file);
  return storePreview(ctx, { kind: kind === 'target' ? 'targets_xlsx' : 'projects_xlsx', planId, fileName: file.name, bytes: file.bytes, preamble: [] }, async (tx, program, env) => {
    const [units, areas, codes] = [await importUnits(tx, program.regionId), await programAreas(tx, program.id), await itemCodes(tx, kind, planId)];
    return buildItemRows(kind, sources, { match: unitMatcher(units), env, years: { from: program.startYear, to: program.endYear }, areas, takenCodes: codes.taken, firstCode: codes.first });
  }, job, sources.length);
}
