import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { TaskCreate } from '../../../domain/schemas/task.js';
import type { Tx } from '../../db/client.js';
import { insertRows } from '../../db/bulk.js';
import { duplicate } from '../../db/references.js';
import { taskUnits, tasks } from '../../db/schema/index.js';
import { refreshTaskLights } from '../../lights/refreshAll.js';
import { rollUpTask, type LightEnv } from '../../lights/refresh.js';
import { badReference, ensureAreaIn, existingUnits, named, planAndProgram, renamed, type FieldName } from './checks.js';
import { deadlineColumns, wantedUnits } from './taskFacts.js';

/** One task of a batch: the body POST /api/tasks takes, or, for a parent made in the same batch, its index. */
export interface BatchTask {
  input: z.infer<typeof TaskCreate>;
  /** An earlier task of the batch this one hangs under (`input.parentId` is then ignored). */
  parent?: number;
}


/**
 * Many tasks of one plan in the caller's transaction, each held to createTask's rules (the plan, a
 * parent in the plan, the area in its program, units that exist and a lead not also supporting, a
 * code free in the plan and in the batch, a consistent deadline), in a fixed number of statements
 * and one insert per 5,000 tasks (`db/bulk.ts insertRows`): an import of thousands of rows took 37 ms a task through
 * `insertTask`. Lights are computed for the batch at once; a parent outside the batch is rolled up
 * once. The batch's own parents need no roll-up: new tasks carry no progress, no report and are not
 * done, which is what rolling them up gives. No audit record: the caller writes one for the batch.
 * `field` names a refused value by its row (rows.12.code); `onRows` hears how many tasks are in so
 * far (an import's progress bar); returns the ids in the inputs' order.
 */
export async function insertTasks(tx: Tx, batch: readonly BatchTask[], env: LightEnv, field: FieldName = (_, f) => f, onRows?: (rows: number) => void): Promise<string[]> {
  if (!batch.length) return [];
  const planId = batch[0]!.input.planId;
  const { plan, program } = await planAndProgram(tx, planId, field(0, 'planId'));
  const other = batch.findIndex((b) => b.input.planId !== planId);
  if (other >= 0) throw badReference(field(other, 'planId'));

  const outside = [...new Set(batch.filter((b) => b.parent === undefined && b.input.parentId).map((b) => b.input.parentId!))];
  const parents = new Map((outside.length ? await tx.select().from(tasks).where(inArray(tasks.id, outside)) : []).map((p) => [p.id, p]));
  const bad = batch.findIndex((b) => b.parent === undefined && b.input.parentId && parents.get(b.input.parentId)?.planId !== plan.id);
  if (bad >= 0) throw badReference(field(bad, 'parentId'));

  const found = await existingUnits(tx, batch.flatMap((b) => [b.input.leadUnitId, ...b.input.supportUnitIds]));
  batch.forEach((b, i) => {
    if (b.input.leadUnitId && !found.has(b.input.leadUnitId)) throw badReference(field(i, 'leadUnitId'));
    const s = b.input.supportUnitIds.findIndex((u) => !found.has(u));
    if (s >= 0) throw badReference(field(i, `supportUnitIds.${s}`));
  });

  const codes = batch.map((b) => b.input.code);
  const twice = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (twice >= 0) throw renamed(duplicate('code', codes[twice]!), twice, field);
  const taken = new Set((await tx.select({ code: tasks.code }).from(tasks).where(and(eq(tasks.planId, plan.id), inArray(tasks.code, codes)))).map((r) => r.code));
  const clash = codes.findIndex((c) => taken.has(c));
  if (clash >= 0) throw renamed(duplicate('code', codes[clash]!), clash, field);

  const ids = batch.map(() => randomUUID());
  const rows: (typeof tasks.$inferInsert)[] = [];
  const units: (typeof taskUnits.$inferInsert)[] = [];
  const areasSeen = new Set<string>();
  for (const [i, { input, parent }] of batch.entries()) {
    if (parent !== undefined && !(parent >= 0 && parent < i)) throw badReference(field(i, 'parentId'));
    const up = parent !== undefined ? { id: ids[parent]!, path: rows[parent]!.path!, depth: rows[parent]!.depth!, areaId: rows[parent]!.areaId ?? null } : input.parentId ? parents.get(input.parentId)! : null;
    const areaId = input.areaId !== undefined ? input.areaId : (up?.areaId ?? null);
    if (areaId && !areasSeen.has(areaId)) {
      await ensureAreaIn(tx, areaId, program.id).catch((e: unknown) => {
        throw renamed(e, i, field);
      });
      areasSeen.add(areaId);
    }
    const wanted = named(i, field, () => wantedUnits(input.leadUnitId ?? null, input.supportUnitIds));
    const dl = named(i, field, () =>
      deadlineColumns({ deadlineKind: input.deadlineKind, deadline: input.deadline ?? null, recurrence: input.recurrence ?? null, startDate: input.startDate ?? null }, env),
    );
    const id = ids[i]!;
    rows.push({
      id,
      planId: plan.id,
      parentId: up?.id ?? null,
      path: up ? `${up.path}.${id}` : id,
      depth: up ? up.depth + 1 : 0,
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
    for (const [unitId, role] of wanted) units.push({ taskId: id, unitId, role });
  }
  await insertRows(tx, tasks, rows, onRows);
  await insertRows(tx, taskUnits, units);
  await refreshTaskLights(tx, env, ids);
  // A parent from before the batch: its progress now counts the new children.
  for (const parentId of outside) await rollUpTask(tx, ids[batch.findIndex((b) => b.parent === undefined && b.input.parentId === parentId)]!, env);
  return ids;
}
