import { and, eq } from 'drizzle-orm';
import { stepRoles } from '../../../domain/workflows/flow.js';
import { claimAllowsStep, reportFlow, type ReportAction } from '../../../domain/workflows/report.js';
import type { ReportStatus } from '../../../domain/work.js';
import { auditValues } from '../../audit.js';
import { inTx, type Actor, type Ctx } from '../../context.js';
import { takeStep, type StepWriter, type Workflow } from '../workflow/takeStep.js';
import type { Executor, Tx } from '../../db/client.js';
import { bodies, orgUnits, reports } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { mayTakeStep, type ReportSubject } from '../../policies/report.js';
import { loadReportDetail, type ReportDetailRow, type ReportRow } from '../../queries/reporting/reports.js';
import { reportScope } from '../../queries/reporting/scope.js';
import { writeReportStep, type StepWrite } from './writeReportStep.js';

/** Locks a report the actor may see (404 otherwise: no hint that it exists), for edits. */
export async function lockVisibleReport(tx: Tx, actor: Actor, id: string): Promise<ReportRow> {
  const [row] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), reportScope(tx, actor)))
    .for('update');
  if (!row) throw notFound('report');
  return row;
}

/** Why the actor may not take this step: who must take it, by name. */
async function refusal(db: Executor, report: ReportRow, subject: ReportSubject, action: ReportAction): Promise<AppError> {
  const roles = stepRoles(reportFlow, report.status as ReportStatus, action);
  if (roles.includes('liaison') || roles.includes('unit_head')) {
    const [unit] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, report.unitId));
    return new AppError(403, 'report_step_unit', { unit: unit?.name ?? '', role: roles.includes('liaison') ? '@role_liaison_or_head' : '@role_unit_head' });
  }
  if (roles.includes('task_force') && subject.taskForceId) {
    const [body] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, subject.taskForceId));
    return new AppError(403, 'report_step_task_force', { body: body?.name ?? '' });
  }
  return new AppError(403, 'report_step_hq');
}

export interface StepOptions {
  version?: number | undefined;
  reason?: string | undefined;
  /** Fields this step sets besides the status (timestamps, the late flag, the return reason). */
  patch: (report: ReportRow, now: Date) => Partial<ReportRow>;
  /** What changes elsewhere in the same transaction (approving or accepting a report changes the facts). */
  effects?: (tx: Tx, saved: ReportRow) => Promise<void>;
}

/**
 * The report's writer is optimistic: the step is decided on the report as read and written only
 * if it still has that version, and with no effects the write is a single statement (its timed
 * step and its audit record inside it), so a step costs two round trips, not thirteen.
 */
const reportWriter: StepWriter<ReportDetailRow, ReportStatus, ReportAction, ReportDetailRow, Executor> = {
  locked: false,
  load: (db, ctx, id) => loadReportDetail(db, ctx.actor, id),
  async write(db, ctx, decided, effects) {
    const { found, action, from, to, now } = decided;
    const before = found.report;
    const set = { ...decided.set, status: to, version: before.version + 1 };
    const saved: ReportRow = { ...before, ...set };
    const reason = (decided.note.reason as string | undefined) ?? null;
    const step = { action, fromStatus: from, toStatus: to, actorId: ctx.actor.userId, reason, at: now };
    const write: StepWrite = {
      id: before.id,
      version: before.version,
      set,
      step,
      // The report's unit sees the step on its workbench; a step with effects (approval,
      // acceptance) changes the item's facts and light, which every unit it is shown to sees.
      audit: auditValues(ctx, decided.auditAction, { entity: 'report', entityId: before.id, before, after: { ...saved, reason }, scope: { units: [before.unitId] } }),
      itemScope: !!effects,
    };
    const shown: ReportDetailRow = { ...found, report: saved };
    const stepId = effects
      ? await inTx(ctx, async (tx) => {
          const written = await writeReportStep(tx, write);
          if (written !== null) await effects(tx, found, shown);
          return written;
        })
      : await writeReportStep(db, write);
    if (stepId === null) return null;
    // Without effects the statement was its own transaction: link its audit record before answering (inTx does it otherwise).
    if (!effects) await ctx.database.linkAudit();
    // Effects change the item's facts and light: read the page again rather than guess them.
    if (effects) {
      const after = await loadReportDetail(db, ctx.actor, before.id);
      if (after) return after;
    }
    return { ...shown, parts: { ...found.parts, steps: [...found.parts.steps, { step: { ...step, id: stepId, reportId: before.id }, actorName: ctx.actor.displayName ?? null }] } };
  },
};

const reportWorkflow: Workflow<ReportDetailRow, ReportStatus, ReportAction, ReportSubject, ReportDetailRow, Executor> = {
  entity: 'report',
  flow: reportFlow,
  done: { submit: 'submitted', approve: 'approved', review: 'reviewed', accept: 'accepted', return: 'returned' },
  status: (f) => f.report.status as ReportStatus,
  version: (f) => f.report.version,
  subject: (_db, f) => ({ status: f.report.status as ReportStatus, unitId: f.report.unitId, taskForceId: f.item?.taskForceId ?? null }),
  may: mayTakeStep,
  invalid: (from, action) => new AppError(409, 'report_step_invalid', { status: `@status_${from}`, action: `@action_${action}` }),
  refusal: (db, f, subject, action) => refusal(db, f.report, subject, action),
  // A unit answers for a task once its claim is approved: until then (or after the claim was
  // returned) its report may be drafted but goes no further up the chain. Returning stays open.
  factCheck: (f, action) =>
    claimAllowsStep(action, f.report.itemType === 'task' ? (f.claimStatus ?? 'unclaimed') : null)
      ? undefined
      : new AppError(422, 'claim_not_approved', { status: `@claim_${f.claimStatus ?? 'unclaimed'}` }),
  writer: reportWriter,
};

/** One step of a report; returns the report's detail after the step, as its page shows it. */
export function takeReportStep(ctx: Ctx, id: string, action: ReportAction, opts: StepOptions): Promise<ReportDetailRow> {
  const effects = opts.effects;
  return takeStep(ctx, reportWorkflow, id, action, {
    version: opts.version,
    set: (_db, f, now) => opts.patch(f.report, now),
    note: { reason: opts.reason ?? null },
    effects: effects && ((tx, _found, after) => effects(tx, after.report)),
  });
}
