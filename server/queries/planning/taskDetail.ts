import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { milestones, orgUnits, taskUnits, tasks } from '../../db/schema/index.js';
import type { LoadedTask, TaskRow } from '../../models/planning.js';
export type { LoadedTask } from '../../models/planning.js';

/** One task with its units and their claims, milestones, ancestors (breadcrumb) and children. */
export async function loadTask(db: Executor, id: string): Promise<LoadedTask | undefined> {
  const [row] = await db.select({ t: tasks, leadUnitName: orgUnits.name }).from(tasks).leftJoin(orgUnits, eq(orgUnits.id, tasks.leadUnitId)).where(eq(tasks.id, id));
  if (!row) return undefined;
  const task: TaskRow = { ...row.t, leadUnitName: row.leadUnitName };
  const ancestorIds = task.path.split('.').slice(0, -1);
  const [units, ms, ancestors, children] = await Promise.all([
    db
      .select({ u: taskUnits, unitName: orgUnits.name })
      .from(taskUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, taskUnits.unitId))
      .where(eq(taskUnits.taskId, id))
      .orderBy(asc(taskUnits.role), asc(orgUnits.sort), asc(orgUnits.name)),
    db.select().from(milestones).where(eq(milestones.taskId, id)).orderBy(asc(milestones.sort), asc(milestones.due), asc(milestones.name)),
    ancestorIds.length
      ? db.select({ id: tasks.id, code: tasks.code, title: tasks.title }).from(tasks).where(inArray(tasks.id, ancestorIds)).orderBy(asc(tasks.depth))
      : [],
    db
      .select({ id: tasks.id, code: tasks.code, title: tasks.title, weight: tasks.weight, progress: tasks.progress, done: tasks.done, light: tasks.light })
      .from(tasks)
      .where(eq(tasks.parentId, id))
      .orderBy(asc(tasks.sort), asc(tasks.code)),
  ]);
  const childIds = children.map((c) => c.id);
  const grand = childIds.length
    ? await db.select({ parentId: tasks.parentId, n: sql<number>`count(*)::int` }).from(tasks).where(inArray(tasks.parentId, childIds)).groupBy(tasks.parentId)
    : [];
  const counts = new Map(grand.map((g) => [g.parentId, Number(g.n)]));
  return {
    task,
    units: units.map((u) => ({ ...u.u, unitName: u.unitName })),
    milestones: ms,
    ancestors,
    children: children.map((c) => ({ ...c, childCount: counts.get(c.id) ?? 0 })),
  };
}
