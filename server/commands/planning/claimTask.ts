import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../domain/enums.js';
import type { ClaimBody, ClaimReturn, ClaimStep } from '../../../domain/schemas/claim.js';
import { claimFlow, type ClaimAction } from '../../../domain/workflows/claim.js';
import type { ClaimStatus } from '../../../domain/work.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { milestones, taskUnits, tasks } from '../../db/schema/index.js';
import { lockRow } from '../../db/versioned.js';
import { AppError, forbidden } from '../../errors.js';
import { lightEnv, rollUpTask } from '../../lights/refresh.js';
import { mayStepClaim, unitsActedFor, type ClaimSubject } from '../../policies/task.js';
import { lockedWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';
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

interface ClaimFound {
  taskId: string;
  claim: TaskUnitRow;
}

/** 认领: the unit states its measures → its head approves, or returns it; the task's progress follows. */
/** A claim is the share of a task of one unit: the one named, else the one the actor speaks for. */
interface ClaimKey {
  taskId: string;
  unitId?: string | undefined;
}

const claimWorkflow: Workflow<ClaimFound, ClaimStatus, ClaimAction, ClaimSubject, TaskUnitRow, Tx, ClaimKey> = {
  entity: 'task',
  flow: claimFlow,
  done: { claim: 'claimed', approve: 'claim_approved', return: 'claim_returned' },
  status: (f) => f.claim.claimStatus as ClaimStatus,
  version: (f) => f.claim.version,
  subject: (_tx, f) => ({ status: f.claim.claimStatus as ClaimStatus, unitId: f.claim.unitId }),
  may: mayStepClaim,
  invalid: (status, action) => new AppError(409, 'claim_step_invalid', { status: `@claim_status_${status}`, action: `@claim_action_${action}` }),
  writer: lockedWriter({
    entity: 'task',
    version: (f) => f.claim.version,
    statusColumn: 'claimStatus',
    // The task is locked first, as every writer of a task does, then the unit's share of it.
    load: async (tx, ctx, { taskId, unitId }, action) => {
      await lockRow(tx, tasks, 'task', taskId);
      return { taskId, claim: await claimOf(tx, ctx, taskId, unitId, action === 'claim' ? ['liaison', 'unit_head'] : ['unit_head']) };
    },
    update: async (tx, f, set) => {
      const [after] = await tx
        .update(taskUnits)
        .set(set)
        .where(and(eq(taskUnits.taskId, f.taskId), eq(taskUnits.unitId, f.claim.unitId)))
        .returning();
      return after!;
    },
    // The unit's own share, and the task's progress and light rolled up (rollUpTask): every unit
    // the task or an ancestor is shown to.
    scope: (f) => ({ units: [f.claim.unitId], items: [{ itemType: 'task', itemId: f.taskId }] }),
    audit: async (tx, f, after) => ({
      entityId: f.taskId,
      before: f.claim,
      after: { ...after, milestones: await tx.select().from(milestones).where(and(eq(milestones.taskId, f.taskId), eq(milestones.unitId, f.claim.unitId))) },
    }),
  }),
};

/** One claim step: the task's progress is rolled up again from its units' claims. */
function step(ctx: Ctx, taskId: string, action: ClaimAction, input: { version: number; unitId?: string | undefined }, set: (tx: Tx, claim: TaskUnitRow) => Promise<Partial<TaskUnitRow>>) {
  return takeStep(ctx, claimWorkflow, { taskId, unitId: input.unitId }, action, {
    version: input.version,
    set: (tx, f) => set(tx, f.claim),
    effects: async (tx) => rollUpTask(tx, taskId, await lightEnv(tx)),
  });
}

/** 认领: the unit states its measures and its own milestones (replacing those of a returned claim). */
export function claimTask(ctx: Ctx, taskId: string, input: z.infer<typeof ClaimBody>) {
  return step(ctx, taskId, 'claim', input, async (tx, claim) => {
    await tx.delete(milestones).where(and(eq(milestones.taskId, taskId), eq(milestones.unitId, claim.unitId)));
    if (input.milestones.length) {
      await tx.insert(milestones).values(input.milestones.map((m, i) => ({ taskId, unitId: claim.unitId, name: m.name, due: m.due, sort: i })));
    }
    return { measures: input.measures, claimedAt: clockNow(), claimedById: ctx.actor?.userId ?? null, returnReason: null, returnedAt: null, approvedAt: null, approvedById: null };
  });
}

/** The unit head approves the unit's claim (一把手审核). */
export function approveClaim(ctx: Ctx, taskId: string, input: z.infer<typeof ClaimStep>) {
  return step(ctx, taskId, 'approve', input, async () => ({ approvedAt: clockNow(), approvedById: ctx.actor?.userId ?? null }));
}

/** The unit head sends the claim back with a reason; the unit claims again. */
export function returnClaim(ctx: Ctx, taskId: string, input: z.infer<typeof ClaimReturn>) {
  return step(ctx, taskId, 'return', input, async () => ({ returnReason: input.reason, returnedAt: clockNow() }));
}
