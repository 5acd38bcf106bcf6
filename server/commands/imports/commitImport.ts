import { eq } from 'drizzle-orm';
import type { Lang } from '../../../domain/enums.js';
import { isItemRow, itemRowIssues, type AnyImportRow } from '../../../domain/imports/itemRows.js';
import { resolvedUnits, rowIssues, type ImportRow } from '../../../domain/imports/rows.js';
import { TaskCreate } from '../../../domain/schemas/task.js';
import { recordAudit } from '../../audit.js';
import { now } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { importPreviews } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { message } from '../../i18n.js';
import { lightEnv, type LightEnv } from '../../lights/refresh.js';
import type { Tx } from '../../db/client.js';
import { parseRow, writeItemRows } from './commitItems.js';
import { importSubject } from './previewImport.js';
import { ownPreview, previewRows } from '../../queries/imports/previews.js';
import { insertTasks } from '../planning/insertTasks.js';
import { ensureOpen } from './fixImportRow.js';
import { NO_JOB, type Job } from '../../progress/tracker.js';

/** A row as the body of POST /api/tasks would carry it (its parent, a row of the same import, goes beside it). */
function taskBody(planId: string, row: ImportRow, parentId: string | null) {
  return {
    planId,
    parentId,
    code: row.code,
    title: row.title,
    description: [row.description, ...row.unplaced].filter(Boolean).join('\n'),
    ...resolvedUnits(row),
    deadlineKind: row.deadline!.deadlineKind,
    deadline: row.deadline!.deadline,
    recurrence: row.deadline!.recurrence,
    reportPeriod: row.deadline!.reportPeriod,
    sort: row.line,
  };
}

/** The tasks of a task preview, through `TaskCreate` and `insertTasks`. */
async function writeTasks(tx: Tx, planId: string, rows: ImportRow[], env: LightEnv, lang: Lang, job: Job) {
  const index = new Map(rows.map((r, i) => [r.line, i]));
  const batch = rows.map((row) => ({ input: parseRow(TaskCreate, taskBody(planId, row, null), row.line, lang), ...(row.parentLine === null ? {} : { parent: index.get(row.parentLine)! }) }));
  const ids = await insertTasks(tx, batch, env, (i, f) => `rows.${rows[i]!.line}.${f}`, job.done);
  return rows.map((r, i) => ({ id: ids[i]!, code: r.code }));
}

/**
 * Writes every row of the actor's own preview, in one transaction, through the create schema of its
 * kind's form (`TaskCreate`, `TargetCreate`, `ProjectCreate`) and the rules of its write, batched
 * (`insertTasks`, `insertTargets`, `insertProjects`): all or none. Refused 409 while a row has errors
 * (naming the rows), once committed (a replay) or expired. One audit record,
 * `<task|target|project>.imported`, names the preview, the file's SHA-256 and every item made. Text
 * the task parser could not place goes into the description, so nothing written is lost.
 */
export async function commitImport(ctx: Ctx, previewId: string, job: Job = NO_JOB): Promise<{ planId: string; created: number }> {
  job.phase('checking');
  return inTx(ctx, async (tx) => {
    const p = await ownPreview(tx, ctx.actor, previewId, { lock: true });
    ensureOpen(p, ctx);
    const rows = await previewRows(tx, previewId);
    const errorsOf = (r: AnyImportRow) => (isItemRow(r) ? itemRowIssues(r).errors : rowIssues(r).errors);
    const bad = rows.filter((r) => errorsOf(r).length > 0 || (!isItemRow(r) && !r.deadline));
    if (bad.length) {
      const fields = Object.fromEntries(bad.slice(0, 50).map((r) => [`rows.${r.line}`, errorsOf(r).map((e) => e.code).join(', ')]));
      throw new AppError(409, 'import_has_errors', { count: bad.length }, { ...fields, previewId: message('import_has_errors', ctx.lang, { count: bad.length }) });
    }
    const env = await lightEnv(tx);
    job.phase('inserting', rows.length);
    const items = rows.filter(isItemRow);
    const made = items.length ? await writeItemRows(tx, p.planId, items, env, ctx.lang) : await writeTasks(tx, p.planId, rows.filter((r): r is ImportRow => !isItemRow(r)), env, ctx.lang, job);
    const subject = importSubject(p.kind);
    await tx.update(importPreviews).set({ committedAt: now() }).where(eq(importPreviews.id, previewId));
    await recordAudit(tx, ctx, `${subject}.imported`, {
      entity: 'import_preview',
      entityId: previewId,
      after: { planId: p.planId, kind: p.kind, fileName: p.fileName, sha256: p.sha256, count: made.length, [`${subject}s`]: made },
    });
    return { planId: p.planId, created: made.length };
  });
}
