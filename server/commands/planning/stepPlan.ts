import { eq, sql } from 'drizzle-orm';
import { planFlow, type PlanAction } from '../../../domain/workflows/plan.js';
import type { PlanStatus } from '../../../domain/work.js';
import { now as clockNow } from '../../clock.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { plans, planVersions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { mayStepPlan } from '../../policies/plan.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type StepEffects, type Workflow } from '../workflow/takeStep.js';

type PlanRow = typeof plans.$inferSelect;

export interface PlanStepInput {
  /** The version the client saw; a meeting's outcome decides on the plan as it is. */
  version?: number | undefined;
  decisionRef?: string | undefined;
  reason?: string | undefined;
  /** What else moves with the plan in its transaction (a meeting's 审议 item records its outcome). */
  effects?: StepEffects<PlanRow, PlanRow> | undefined;
  /** Added to the step's audit record (the meeting and agenda item that decided it). */
  note?: Record<string, unknown> | undefined;
}

/** draft → under review (审议) → approved → published, or back to draft. */
const planWorkflow: Workflow<PlanRow, PlanStatus, PlanAction, { status: PlanStatus }, PlanRow, Tx> = {
  entity: 'plan',
  flow: planFlow,
  done: { submit: 'submitted', approve: 'approved', publish: 'published', return: 'returned' },
  status: (p) => p.status as PlanStatus,
  version: (p) => p.version,
  subject: (_tx, p) => ({ status: p.status as PlanStatus }),
  may: mayStepPlan,
  invalid: (status, action) => new AppError(409, 'plan_step_invalid', { status: `@plan_status_${status}`, action: `@plan_action_${action}` }),
  writer: rowWriter(plans, 'plan'),
};

/** Submitting keeps the reviewed text as a new plan version, which the plan then points to. */
async function newVersion(tx: Tx, plan: PlanRow, userId: string | null) {
  const [last] = await tx.select({ no: sql<number>`coalesce(max(${planVersions.versionNo}), 0)::int` }).from(planVersions).where(eq(planVersions.planId, plan.id));
  const versionNo = (last?.no ?? 0) + 1;
  await tx.insert(planVersions).values({ planId: plan.id, versionNo, title: plan.title, summary: plan.summary, createdById: userId });
  return { currentVersionNo: versionNo };
}

/**
 * One step of a plan. Approving records who and when, and the meeting decision when there is one;
 * returning needs a reason, kept in the audit record.
 */
export function stepPlan(ctx: Ctx, id: string, action: PlanAction, input: PlanStepInput) {
  const userId = ctx.actor?.userId ?? null;
  const decisionRef = input.decisionRef ?? null;
  return takeStep(ctx, planWorkflow, id, action, {
    version: input.version,
    set: (tx, plan) => {
      if (action === 'submit') return newVersion(tx, plan, userId);
      if (action === 'approve') return { approvedById: userId, approvedAt: clockNow(), decisionRef };
      if (action === 'publish') return { publishedAt: clockNow() };
      return {};
    },
    note: { ...(action === 'return' ? { returnReason: input.reason ?? '' } : action === 'approve' ? { decisionRef } : {}), ...input.note },
    effects: input.effects,
  });
}
