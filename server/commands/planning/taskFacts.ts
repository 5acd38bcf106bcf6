import { and, eq } from 'drizzle-orm';
import { deadlineProblem, nextDue, type Recurrence } from '../../../domain/deadlines.js';
import type { DeadlineKind } from '../../../domain/work.js';
import type { Executor, Tx } from '../../db/client.js';
import { milestones, taskUnits, tasks } from '../../db/schema/index.js';
import { rollUpTask, type LightEnv } from '../../lights/refresh.js';
import { ruleBroken } from './checks.js';

export interface DeadlineInput {
  deadlineKind: DeadlineKind;
  deadline: string | null;
  recurrence: Recurrence | null;
  startDate: string | null;
}

/**
 * The stored deadline columns of a task, checked as a whole (422 naming the field): an ongoing
 * task keeps no deadline, only a recurring one keeps its rule, and the next due date is computed
 * on the workday calendar.
 */
export function deadlineColumns(d: DeadlineInput, env: LightEnv) {
  const problem = deadlineProblem(d);
  if (problem) throw ruleBroken(problem.code === 'order' ? 'deadline_order' : 'deadline_required', problem.field);
  const clean: DeadlineInput = {
    deadlineKind: d.deadlineKind,
    startDate: d.startDate,
    deadline: d.deadlineKind === 'ongoing' ? null : d.deadline,
    recurrence: d.deadlineKind === 'recurring' ? d.recurrence : null,
  };
  return { deadline: clean.deadline, recurrence: clean.recurrence, nextDue: nextDue(clean, env.today, env.calendar) };
}

/** Lead and supporting units as wanted rows: the lead first, a unit never twice (422 when the lead also supports). */
export function wantedUnits(lead: string | null, supports: readonly string[]): Map<string, 'lead' | 'support'> {
  const out = new Map<string, 'lead' | 'support'>();
  if (lead) out.set(lead, 'lead');
  const i = supports.findIndex((s) => s === lead);
  if (i >= 0) throw ruleBroken('unit_twice', `supportUnitIds.${i}`);
  for (const s of supports) out.set(s, 'support');
  return out;
}

/**
 * Brings the task's units in line: new units are assigned now (unclaimed), units taken off lose
 * their claim and its milestones, units that stay keep their claim even when their role changes.
 */
export async function syncTaskUnits(tx: Tx, taskId: string, wanted: Map<string, 'lead' | 'support'>) {
  const existing = await tx.select().from(taskUnits).where(eq(taskUnits.taskId, taskId));
  for (const e of existing) {
    const role = wanted.get(e.unitId);
    if (!role) {
      await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.unitId, e.unitId)));
      await tx.delete(milestones).where(and(eq(milestones.taskId, taskId), eq(milestones.unitId, e.unitId)));
    } else if (role !== e.role) {
      await tx.update(taskUnits).set({ role }).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.unitId, e.unitId)));
    }
  }
  const have = new Set(existing.map((e) => e.unitId));
  const added = [...wanted].filter(([u]) => !have.has(u)).map(([unitId, role]) => ({ taskId, unitId, role }));
  if (added.length) await tx.insert(taskUnits).values(added);
}

/**
 * The midnight job's share for tasks: time passed, so each recurring task's next due date moves on
 * (and its light, and its ancestors', are refreshed). Dated and ongoing tasks do not move.
 */
export async function refreshRecurringDue(db: Executor, env: LightEnv): Promise<number> {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.deadlineKind, 'recurring'), eq(tasks.done, false)));
  let moved = 0;
  for (const t of rows) {
    const due = nextDue({ deadlineKind: 'recurring', deadline: t.deadline, recurrence: t.recurrence as Recurrence | null, startDate: t.startDate }, env.today, env.calendar);
    if (due === t.nextDue) continue;
    await db.update(tasks).set({ nextDue: due }).where(eq(tasks.id, t.id));
    await rollUpTask(db, t.id, env);
    moved++;
  }
  return moved;
}
