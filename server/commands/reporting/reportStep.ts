import { and, eq } from 'drizzle-orm';
import { nextState, stepRoles } from '../../../domain/workflows/flow.js';
import { reportFlow, type ReportAction } from '../../../domain/workflows/report.js';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Actor, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { bodies, orgUnits, reports, reportSteps } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import { mayTakeStep, type ReportSubject } from '../../policies/report.js';
import { loadItem } from '../../queries/reporting/items.js';
import { reportScope } from '../../queries/reporting/scope.js';

export type ReportRow = typeof reports.$inferSelect;

const PAST: Record<ReportAction, string> = { submit: 'submitted', approve: 'approved', review: 'reviewed', accept: 'accepted', return: 'returned' };

/** Locks a report the actor may see (404 otherwise: no hint that it exists). */
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
async function refusal(tx: Tx, report: ReportRow, subject: ReportSubject, action: ReportAction): Promise<AppError> {
  const roles = stepRoles(reportFlow, report.status as ReportStatus, action);
  if (roles.includes('liaison') || roles.includes('unit_head')) {
    const [unit] = await tx.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, report.unitId));
    return new AppError(403, 'report_step_unit', { unit: unit?.name ?? '', role: roles.includes('liaison') ? '@role_liaison_or_head' : '@role_unit_head' });
  }
  if (roles.includes('task_force') && subject.taskForceId) {
    const [body] = await tx.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, subject.taskForceId));
    return new AppError(403, 'report_step_task_force', { body: body?.name ?? '' });
  }
  return new AppError(403, 'report_step_hq');
}

export interface StepOptions {
  version?: number | undefined;
  reason?: string | undefined;
  /** Fields this step sets besides the status (timestamps, the late flag, the return reason). */
  patch: (report: ReportRow, now: Date) => Partial<ReportRow>;
  /** What changes elsewhere in the same transaction (accepting a report changes the facts). */
  effects?: (tx: Tx, saved: ReportRow) => Promise<void>;
}

/**
 * One workflow step in one transaction: lock the report, check the flow (409 when the step is not
 * next), check the actor's role for this report (403 with who must act), update, append the timed
 * step, apply the step's effects and write one audit record `report.<past tense>`.
 */
export async function takeReportStep(ctx: Ctx, id: string, action: ReportAction, opts: StepOptions): Promise<ReportRow> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const before = await lockVisibleReport(tx, actor, id);
    if (opts.version !== undefined && opts.version !== before.version) throw versionConflict();
    const from = before.status as ReportStatus;
    const to = nextState(reportFlow, from, action);
    if (!to) throw new AppError(409, 'report_step_invalid', { status: `@status_${from}`, action: `@action_${action}` });
    const item = await loadItem(tx, before.itemType as ItemType, before.itemId);
    const subject: ReportSubject = { status: from, unitId: before.unitId, taskForceId: item?.taskForceId ?? null };
    if (!mayTakeStep(actor, subject, action)) throw await refusal(tx, before, subject, action);
    const now = new Date();
    const [saved] = await tx
      .update(reports)
      .set({ ...opts.patch(before, now), status: to, version: before.version + 1 })
      .where(eq(reports.id, id))
      .returning();
    await tx.insert(reportSteps).values({ reportId: id, action, fromStatus: from, toStatus: to, actorId: actor.userId, reason: opts.reason ?? null, at: now });
    if (opts.effects) await opts.effects(tx, saved!);
    await recordAudit(tx, ctx, `report.${PAST[action]}`, { entity: 'report', entityId: id, before, after: { ...saved!, reason: opts.reason ?? null } });
    return saved!;
  });
}
