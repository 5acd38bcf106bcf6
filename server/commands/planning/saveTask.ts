import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Recurrence } from '../../../domain/deadlines.js';
import type { TaskCreate, TaskUpdate } from '../../../domain/schemas/task.js';
import type { DeadlineKind } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { taskUnits, tasks } from '../../db/schema/index.js';
import { lockRow, updateVersioned } from '../../db/versioned.js';
import { lightEnv, rollUpTask } from '../../lights/refresh.js';
import { ensureAreaIn, ensureCodeFree, ensureUnits, planAndProgram, ruleBroken } from './checks.js';
import { insertTasks } from './insertTasks.js';
import { deadlineColumns, syncTaskUnits, wantedUnits } from './taskFacts.js';

const unitsOf = (tx: Tx, taskId: string) =>
  tx.select({ unitId: taskUnits.unitId, role: taskUnits.role, claimStatus: taskUnits.claimStatus }).from(taskUnits).where(eq(taskUnits.taskId, taskId));

async function reload(tx: Tx, id: string) {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id));
  return row!;
}

/**
 * A task or subtask (any depth): its path lists its ancestors' ids and its own, so a subtree is one
 * prefix query. Its units are assigned now; its light and its ancestors' progress and lights are
 * brought up to date in the same transaction.
 */
export async function createTask(ctx: Ctx, input: z.infer<typeof TaskCreate>) {
  return inTx(ctx, async (tx) => {
    // A batch of one: the import writes through the same rules (insertTasks.ts).
    const [id] = await insertTasks(tx, [{ input }], await lightEnv(tx));
    const row = await reload(tx, id!);
    await recordAudit(tx, ctx, 'task.created', { entity: 'task', entityId: row.id, after: { ...row, units: await unitsOf(tx, row.id) } });
    return row;
  });
}

/** Edits a task's facts; when deadline, dates, weight or units change, lights and roll-ups follow at once. */
export async function updateTask(ctx: Ctx, id: string, input: z.infer<typeof TaskUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, tasks, 'task', id);
    const { program } = await planAndProgram(tx, before.planId);
    const { version, supportUnitIds, ...patch } = input;
    await ensureAreaIn(tx, patch.areaId, program.id);
    await ensureUnits(tx, [patch.leadUnitId], 'leadUnitId', false);
    await ensureUnits(tx, supportUnitIds ?? [], 'supportUnitIds');
    await ensureCodeFree(tx, tasks, patch.code, eq(tasks.planId, before.planId), id);
    const beforeUnits = await unitsOf(tx, id);
    const lead = patch.leadUnitId !== undefined ? patch.leadUnitId : before.leadUnitId;
    const supports = supportUnitIds ?? beforeUnits.filter((u) => u.role === 'support').map((u) => u.unitId);
    if (!supportUnitIds && lead && supports.includes(lead)) throw ruleBroken('unit_twice', 'leadUnitId');
    const wanted = wantedUnits(lead, supports);
    const env = await lightEnv(tx);
    const pick = <K extends 'deadline' | 'recurrence' | 'startDate'>(k: K) => (patch[k] !== undefined ? patch[k] : before[k]);
    const dl = deadlineColumns(
      {
        deadlineKind: (patch.deadlineKind ?? before.deadlineKind) as DeadlineKind,
        deadline: pick('deadline') ?? null,
        recurrence: (pick('recurrence') as Recurrence | null) ?? null,
        startDate: pick('startDate') ?? null,
      },
      env,
    );
    await updateVersioned(tx, tasks, 'task', id, version, { ...patch, ...dl });
    await syncTaskUnits(tx, id, wanted);
    await rollUpTask(tx, id, env);
    const after = await reload(tx, id);
    await recordAudit(tx, ctx, 'task.updated', { entity: 'task', entityId: id, before: { ...before, units: beforeUnits }, after: { ...after, units: await unitsOf(tx, id) } });
    return after;
  });
}
