import { eq, sql } from 'drizzle-orm';
import { nextState } from '../../../domain/workflows/flow.js';
import { planFlow, type PlanAction } from '../../../domain/workflows/plan.js';
import type { PlanStatus } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { plans, planVersions } from '../../db/schema/index.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { AppError, forbidden, versionConflict } from '../../errors.js';
import { mayStepPlan } from '../../policies/plan.js';
import { now as clockNow } from '../../clock.js';

export interface PlanStepInput {
  version: number;
  decisionRef?: string | undefined;
  reason?: string | undefined;
}

const PAST: Record<PlanAction, string> = { submit: 'submitted', approve: 'approved', publish: 'published', return: 'returned' };

/**
 * One step of draft → under review (审议) → approved → published, or back to draft. Submitting
 * keeps the reviewed text as a new plan version; approving records who and when, and the meeting
 * decision when there is one; returning needs a reason, kept in the audit record.
 */
export async function stepPlan(ctx: Ctx, id: string, action: PlanAction, input: PlanStepInput) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, plans, 'plan', id);
    if (before.version !== input.version) throw versionConflict();
    const status = before.status as PlanStatus;
    const to = nextState(planFlow, status, action);
    if (!to) throw new AppError(409, 'plan_step_invalid', { status: `@plan_status_${status}`, action: `@plan_action_${action}` });
    if (!mayStepPlan(ctx.actor, status, action)) throw forbidden();
    const patch: Partial<typeof plans.$inferInsert> = { status: to };
    if (action === 'submit') {
      const [last] = await tx.select({ no: sql<number>`coalesce(max(${planVersions.versionNo}), 0)::int` }).from(planVersions).where(eq(planVersions.planId, id));
      const versionNo = (last?.no ?? 0) + 1;
      await tx.insert(planVersions).values({ planId: id, versionNo, title: before.title, summary: before.summary, createdById: ctx.actor?.userId ?? null });
      patch.currentVersionNo = versionNo;
    }
    if (action === 'approve') Object.assign(patch, { approvedById: ctx.actor?.userId ?? null, approvedAt: clockNow(), decisionRef: input.decisionRef ?? null });
    if (action === 'publish') patch.publishedAt = clockNow();
    const after = await updateVersioned(tx, plans, 'plan', id, input.version, patch);
    const note = action === 'return' ? { returnReason: input.reason ?? '' } : action === 'approve' ? { decisionRef: input.decisionRef ?? null } : {};
    await recordAudit(tx, ctx, `plan.${PAST[action]}`, { entity: 'plan', entityId: id, before, after: { ...after, ...note } });
    return after;
  });
}
