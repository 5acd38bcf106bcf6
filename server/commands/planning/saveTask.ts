import { randomUUID } from 'node:crypto';
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
import { lightEnv, rollUpTask, type LightEnv } from '../../lights/refresh.js';
import { badReference, ensureAreaIn, ensureCodeFree, ensureUnits, planAndProgram, ruleBroken } from './checks.js';
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
    const row = await insertTask(tx, input, await lightEnv(tx));
    await recordAudit(tx, ctx, 'task.created', { entity: 'task', entityId: row.id, after: { ...row, units: await unitsOf(tx, row.id) } });
    return row;
  });
}

/**
 * The write of {@link createTask} inside a caller's transaction, with every rule it checks (plan,
 * parent, area, units, code) and no audit record: an import writes many and records them once.
 */
export async function insertTask(tx: Tx, input: z.infer<typeof TaskCreate>, env: LightEnv) {
  const { plan, program } = await planAndProgram(tx, input.planId);
  const [parent] = input.parentId ? await tx.select().from(tasks).where(eq(tasks.id, input.parentId)) : [];
  if (input.parentId && (!parent || parent.planId !== plan.id)) throw badReference('parentId');
  const areaId = input.areaId !== undefined ? input.areaId : (parent?.areaId ?? null);
  await ensureAreaIn(tx, areaId, program.id);
  await ensureUnits(tx, [input.leadUnitId], 'leadUnitId', false);
  await ensureUnits(tx, input.supportUnitIds, 'supportUnitIds');
  const wanted = wantedUnits(input.leadUnitId ?? null, input.supportUnitIds);
  await ensureCodeFree(tx, tasks, input.code, eq(tasks.planId, plan.id));
  const dl = deadlineColumns(
    { deadlineKind: input.deadlineKind, deadline: input.deadline ?? null, recurrence: input.recurrence ?? null, startDate: input.startDate ?? null },
    env,
  );
  const id = randomUUID();
  await tx.insert(tasks).values({
    id,
    planId: plan.id,
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}.${id}` : id,
    depth: parent ? parent.depth + 1 : 0,
    sort: input.sort ?? 0,
    code: input.code,
    title: input.title,
    description: input.description,
    areaId,
    leadUnitId: input.leadUnitId ?? null,
    responsiblePost: input.responsiblePost,
    weight: input.weight,
    startDate: input.startDate ?? null,
    deadlineKind: input.deadlineKind,
    reportPeriod: input.reportPeriod,
    ...dl,
  });
  await syncTaskUnits(tx, id, wanted);
  await rollUpTask(tx, id, env);
  return reload(tx, id);
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
