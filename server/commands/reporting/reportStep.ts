import { and, eq } from 'drizzle-orm';
import { nextState, stepRoles } from '../../../domain/workflows/flow.js';
import { claimAllowsStep, reportFlow, type ReportAction } from '../../../domain/workflows/report.js';
import type { ReportStatus } from '../../../domain/work.js';
import { auditValues } from '../../audit.js';
import { inTx, type Actor, type Ctx } from '../../context.js';
import type { Executor, Tx } from '../../db/client.js';
import { bodies, orgUnits, reports } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import { mayTakeStep, type ReportSubject } from '../../policies/report.js';
import { loadReportDetail, type ReportDetailRow, type ReportRow } from '../../queries/reporting/reports.js';
import { reportScope } from '../../queries/reporting/scope.js';
import { writeReportStep, type StepWrite } from './writeReportStep.js';
import { now as clockNow } from '../../clock.js';

const PAST: Record<ReportAction, string> = { submit: 'submitted', approve: 'approved', review: 'reviewed', accept: 'accepted', return: 'returned' };

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

/** Times a step is decided again when another writer moved the report on in between. */
const ATTEMPTS = 3;

/**
 * One workflow step: check the flow (409 when the step is not next) and the actor's role for this
 * report (403 with who must act), then move the report, append the timed step, apply the step's
 * effects and write one audit record `report.<past tense>`, all in one transaction. The step is
 * decided on the report as read and written only if it still has that version (optimistic): with
 * no effects the write is a single statement, so a step costs two round trips, not thirteen.
 * Returns the report's detail after the step, as its page shows it.
 */
export async function takeReportStep(ctx: Ctx, id: string, action: ReportAction, opts: StepOptions): Promise<ReportDetailRow> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const db = ctx.database.db;
  for (let attempt = 1; ; attempt++) {
    const found = await loadReportDetail(db, actor, id);
    if (!found) throw notFound('report');
    const before = found.report;
    if (opts.version !== undefined && opts.version !== before.version) throw versionConflict();
    const from = before.status as ReportStatus;
    const to = nextState(reportFlow, from, action);
    if (!to) throw new AppError(409, 'report_step_invalid', { status: `@status_${from}`, action: `@action_${action}` });
    const subject: ReportSubject = { status: from, unitId: before.unitId, taskForceId: found.item?.taskForceId ?? null };
    if (!mayTakeStep(actor, subject, action)) throw await refusal(db, before, subject, action);
    // A unit answers for a task once its claim is approved: until then (or after the claim was
    // returned) its report may be drafted but goes no further up the chain. Returning stays open.
    if (!claimAllowsStep(action, before.itemType === 'task' ? (found.claimStatus ?? 'unclaimed') : null)) {
      throw new AppError(422, 'claim_not_approved', { status: `@claim_${found.claimStatus ?? 'unclaimed'}` });
    }
    const now = clockNow();
    const set = { ...opts.patch(before, now), status: to, version: before.version + 1 };
    const saved: ReportRow = { ...before, ...set };
    const reason = opts.reason ?? null;
    const step = { action, fromStatus: from, toStatus: to, actorId: actor.userId, reason, at: now };
    const write: StepWrite = {
      id,
      version: before.version,
      set,
      step,
      audit: auditValues(ctx, `report.${PAST[action]}`, { entity: 'report', entityId: id, before, after: { ...saved, reason } }),
    };
    const effects = opts.effects;
    const stepId = effects
      ? await inTx(ctx, async (tx) => {
          const written = await writeReportStep(tx, write);
          if (written !== null) await effects(tx, saved);
          return written;
        })
      : await writeReportStep(db, write);
    if (stepId !== null) {
      // Without effects the statement was its own transaction: link its audit record before answering (inTx does it otherwise).
      if (!effects) await ctx.database.linkAudit();
      // Effects change the item's facts and light: read the page again rather than guess them.
      if (effects) {
        const after = await loadReportDetail(db, actor, id);
        if (after) return after;
      }
      return {
        ...found,
        report: saved,
        parts: { ...found.parts, steps: [...found.parts.steps, { step: { ...step, id: stepId, reportId: id }, actorName: actor.displayName ?? null }] },
      };
    }
    if (opts.version !== undefined || attempt >= ATTEMPTS) throw versionConflict();
  }
}
