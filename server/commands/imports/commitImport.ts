import { eq } from 'drizzle-orm';
import { resolvedUnits, rowIssues, type ImportRow } from '../../../domain/imports/rows.js';
import { TaskCreate } from '../../../domain/schemas/task.js';
import { recordAudit } from '../../audit.js';
import { now } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { importPreviews } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { message } from '../../i18n.js';
import { lightEnv } from '../../lights/refresh.js';
import { ownPreview, previewRows } from '../../queries/imports/previews.js';
import { issueMessage } from '../../validationMessages.js';
import { insertTasks } from '../planning/insertTasks.js';
import { ensureOpen } from './fixImportRow.js';

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

/**
 * Writes every row of the actor's own preview as a task, in one transaction, through the schema of
 * POST /api/tasks (`TaskCreate`) and the rules of its write, batched (`insertTasks`): all or none. Refused 409 while a
 * row has errors (naming the rows), once committed (a replay) or expired. One audit record,
 * `task.imported`, names the preview, the file's SHA-256 and every task made. Text the parser could
 * not place goes into the description, so nothing written is lost.
 */
export async function commitImport(ctx: Ctx, previewId: string): Promise<{ planId: string; created: number }> {
  return inTx(ctx, async (tx) => {
    const p = await ownPreview(tx, ctx.actor, previewId, { lock: true });
    ensureOpen(p, ctx);
    const rows = await previewRows(tx, previewId);
    const bad = rows.filter((r) => rowIssues(r).errors.length > 0 || !r.deadline);
    if (bad.length) {
      const fields = Object.fromEntries(bad.slice(0, 50).map((r) => [`rows.${r.line}`, rowIssues(r).errors.map((e) => e.code).join(', ')]));
      throw new AppError(409, 'import_has_errors', { count: bad.length }, { ...fields, previewId: message('import_has_errors', ctx.lang, { count: bad.length }) });
    }
    const env = await lightEnv(tx);
    const index = new Map(rows.map((r, i) => [r.line, i]));
    const batch = rows.map((row) => {
      const parsed = TaskCreate.safeParse(taskBody(p.planId, row, null));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = `rows.${row.line}.${String(issue.path[0] ?? 'row')}`;
        throw new AppError(422, 'validation', { detail: field }, { [field]: issueMessage(issue as never, ctx.lang, undefined) });
      }
      return { input: parsed.data, ...(row.parentLine === null ? {} : { parent: index.get(row.parentLine)! }) };
    });
    const ids = await insertTasks(tx, batch, env, (i, f) => `rows.${rows[i]!.line}.${f}`);
    const made = rows.map((r, i) => ({ id: ids[i]!, code: r.code }));
    const at = now();
    await tx.update(importPreviews).set({ committedAt: at }).where(eq(importPreviews.id, previewId));
    await recordAudit(tx, ctx, 'task.imported', {
      entity: 'import_preview',
      entityId: previewId,
      after: { planId: p.planId, kind: p.kind, fileName: p.fileName, sha256: p.sha256, count: made.length, tasks: made },
    });
    return { planId: p.planId, created: made.length };
  });
}
