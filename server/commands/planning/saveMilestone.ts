import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { MilestoneCreate, MilestoneUpdate } from '../../../domain/schemas/task.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { milestones, tasks } from '../../db/schema/index.js';
import { lockRow } from '../../db/versioned.js';
import { notFound } from '../../errors.js';
import { lightEnv, rollUpTask } from '../../lights/refresh.js';

/**
 * A milestone (节点) is a fact of its task: each change locks the task, bumps its version (so an
 * editor holding the old page learns of it) and recomputes its light, as "节点‘开工’逾期3个工作日".
 */
async function touchTask(tx: Tx, taskId: string) {
  const task = await lockRow(tx, tasks, 'task', taskId);
  await tx.update(tasks).set({ version: task.version + 1 }).where(eq(tasks.id, taskId));
}

async function findMilestone(tx: Tx, taskId: string, id: string) {
  const [m] = await tx.select().from(milestones).where(and(eq(milestones.id, id), eq(milestones.taskId, taskId)));
  if (!m) throw notFound('milestone');
  return m;
}

export async function addMilestone(ctx: Ctx, taskId: string, input: z.infer<typeof MilestoneCreate>) {
  return inTx(ctx, async (tx) => {
    await touchTask(tx, taskId);
    const [row] = await tx
      .insert(milestones)
      .values({ taskId, unitId: null, name: input.name, due: input.due ?? null, doneOn: input.doneOn ?? null, sort: input.sort ?? 0 })
      .returning();
    await rollUpTask(tx, taskId, await lightEnv(tx));
    await recordAudit(tx, ctx, 'task.milestone_added', { entity: 'task', entityId: taskId, after: row });
    return row!;
  });
}

export async function updateMilestone(ctx: Ctx, taskId: string, id: string, input: z.infer<typeof MilestoneUpdate>) {
  return inTx(ctx, async (tx) => {
    await touchTask(tx, taskId);
    const before = await findMilestone(tx, taskId, id);
    const changed = Object.values(input).some((v) => v !== undefined);
    const [after] = changed ? await tx.update(milestones).set(input).where(eq(milestones.id, id)).returning() : [before];
    await rollUpTask(tx, taskId, await lightEnv(tx));
    await recordAudit(tx, ctx, 'task.milestone_updated', { entity: 'task', entityId: taskId, before, after });
    return after!;
  });
}

export async function removeMilestone(ctx: Ctx, taskId: string, id: string) {
  return inTx(ctx, async (tx) => {
    await touchTask(tx, taskId);
    const before = await findMilestone(tx, taskId, id);
    await tx.delete(milestones).where(eq(milestones.id, id));
    await rollUpTask(tx, taskId, await lightEnv(tx));
    await recordAudit(tx, ctx, 'task.milestone_removed', { entity: 'task', entityId: taskId, before });
  });
}
