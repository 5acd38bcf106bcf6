import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../domain/enums.js';
import type { ClaimBody, ClaimReturn, ClaimStep } from '../../../domain/schemas/claim.js';
import { nextState } from '../../../domain/workflows/flow.js';
import { claimFlow, type ClaimAction } from '../../../domain/workflows/claim.js';
import type { ClaimStatus } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { milestones, taskUnits, tasks } from '../../db/schema/index.js';
import { lockRow } from '../../db/versioned.js';
import { AppError, forbidden, versionConflict } from '../../errors.js';
import { lightEnv, rollUpTask } from '../../lights/refresh.js';
import { mayStepClaim, unitsActedFor } from '../../policies/task.js';
import { ruleBroken } from './checks.js';
import { now as clockNow } from '../../clock.js';

type TaskUnitRow = typeof taskUnits.$inferSelect;

/**
 * The task's unit this actor speaks for: the one named, else the one they hold the roles for
 * (the lead share first). 422 when the named unit is not assigned; 403 when they speak for none.
 */
async function claimOf(tx: Tx, ctx: Ctx, taskId: string, unitId: string | undefined, roles: readonly Role[]): Promise<TaskUnitRow> {
  const rows = await tx.select().from(taskUnits).where(eq(taskUnits.taskId, taskId)).for('update');
  if (unitId && !rows.some((r) => r.unitId === unitId)) throw ruleBroken('task_not_assigned', 'unitId');
  const mine = new Set(unitsActedFor(ctx.actor, roles));
  const candidates = rows.filter((r) => mine.has(r.unitId) && (!unitId || r.unitId === unitId)).sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
  if (!candidates[0]) throw forbidden();
  return candidates[0];
}

const PAST: Record<ClaimAction, string> = { claim: 'claimed', approve: 'claim_approved', return: 'claim_returned' };

/** One claim step in one transaction: lock, check version, flow and unit-scoped role, update, audit. */
async function step(ctx: Ctx, taskId: string, action: ClaimAction, input: { version: number; unitId?: string | undefined }, apply: (tx: Tx, claim: TaskUnitRow) => Promise<Partial<TaskUnitRow>>) {
  return inTx(ctx, async (tx) => {
    await lockRow(tx, tasks, 'task', taskId);
    const before = await claimOf(tx, ctx, taskId, input.unitId, action === 'claim' ? ['liaison', 'unit_head'] : ['unit_head']);
    if (before.version !== input.version) throw versionConflict();
    const status = before.claimStatus as ClaimStatus;
    const to = nextState(claimFlow, status, action);
    if (!to) throw new AppError(409, 'claim_step_invalid', { status: `@claim_status_${status}`, action: `@claim_action_${action}` });
    if (!mayStepClaim(ctx.actor, before.unitId, status, action)) throw forbidden();
    const patch = await apply(tx, before);
    const [after] = await tx
      .update(taskUnits)
      .set({ ...patch, claimStatus: to, version: before.version + 1 })
      .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.unitId, before.unitId)))
      .returning();
    await rollUpTask(tx, taskId, await lightEnv(tx));
    const claimMilestones = await tx.select().from(milestones).where(and(eq(milestones.taskId, taskId), eq(milestones.unitId, before.unitId)));
    await recordAudit(tx, ctx, `task.${PAST[action]}`, { entity: 'task', entityId: taskId, before, after: { ...after, milestones: claimMilestones } });
    return after!;
  });
}

/** 认领: the unit states its measures and its own milestones (replacing those of a returned claim). */
export function claimTask(ctx: Ctx, taskId: string, input: z.infer<typeof ClaimBody>) {
  return step(ctx, taskId, 'claim', input, async (tx, claim) => {
    await tx.delete(milestones).where(and(eq(milestones.taskId, taskId), eq(milestones.unitId, claim.unitId)));
    if (input.milestones.length) {
      await tx.insert(milestones).values(input.milestones.map((m, i) => ({ taskId, unitId: claim.unitId, name: m.name, due: m.due, sort: i })));
    }
    return { measures: input.measures, claimedAt: clockNow(), claimedById: ctx.actor?.userId ?? null, returnReason: null, approvedAt: null, approvedById: null };
  });
}

/** The unit head approves the unit's claim (一把手审核). */
export function approveClaim(ctx: Ctx, taskId: string, input: z.infer<typeof ClaimStep>) {
  return step(ctx, taskId, 'approve', input, async () => ({ approvedAt: clockNow(), approvedById: ctx.actor?.userId ?? null }));
}

/** The unit head sends the claim back with a reason; the unit claims again. */
export function returnClaim(ctx: Ctx, taskId: string, input: z.infer<typeof ClaimReturn>) {
  return step(ctx, taskId, 'return', input, async () => ({ returnReason: input.reason }));
}
