import { eq, inArray, sql } from 'drizzle-orm';
import type { TaskSheetSource } from '../../../domain/imports/taskLayout.js';
import type { Light, LightReason } from '../../../domain/lights.js';
import type { Executor } from '../../db/client.js';
import { areas, bodies, orgUnits, plans, tasks, taskUnits } from '../../db/schema/index.js';
import { taskConditions, type TaskFilter } from './tasks.js';

/** A task as the 任务分解表 export writes it. */
export interface TaskExportRow extends TaskSheetSource {
  planName: string | null;
  progress: string;
  light: Light;
  lightReasons: LightReason[];
  nextDue: string | null;
}

/**
 * Every task that passes the list's filter (its light filter too), with its plan, lead and
 * supporting units by name, in one statement. All of them at once: the tree order needs every row
 * before the first is written, and a district's program is some thousands of tasks.
 */
export async function taskExportRows(db: Executor, f: TaskFilter): Promise<TaskExportRow[]> {
  const support = sql<string[] | null>`(select json_agg(${orgUnits.name} order by ${orgUnits.name} collate "C") from ${taskUnits}
    join ${orgUnits} on ${orgUnits.id} = ${taskUnits.unitId} where ${taskUnits.taskId} = ${tasks.id} and ${taskUnits.role} = 'support')`;
  const rows = await db
    .select({
      id: tasks.id,
      parentId: tasks.parentId,
      sort: tasks.sort,
      code: tasks.code,
      title: tasks.title,
      description: tasks.description,
      leadUnitName: orgUnits.name,
      supportUnitNames: support,
      deadlineKind: tasks.deadlineKind,
      deadline: tasks.deadline,
      recurrence: tasks.recurrence,
      reportPeriod: tasks.reportPeriod,
      planName: plans.title,
      progress: tasks.progress,
      light: tasks.light,
      lightReasons: tasks.lightReasons,
      nextDue: tasks.nextDue,
    })
    .from(tasks)
    .leftJoin(orgUnits, eq(orgUnits.id, tasks.leadUnitId))
    .leftJoin(plans, eq(plans.id, tasks.planId))
    .where(taskConditions(f, true));
  return rows.map((r) => ({ ...r, supportUnitNames: r.supportUnitNames ?? [] }) as TaskExportRow);
}

/** The names the filter line shows for the list's id filters. */
export async function taskFilterNames(db: Executor, f: TaskFilter) {
  const one = async <T extends { name: string }>(q: Promise<T[]>) => (await q)[0]?.name ?? null;
  const [plan, taskForce, area, unit, parent] = await Promise.all([
    f.plan ? one(db.select({ name: plans.title }).from(plans).where(eq(plans.id, f.plan))) : null,
    f.taskForce ? one(db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, f.taskForce))) : null,
    f.area ? one(db.select({ name: areas.name }).from(areas).where(eq(areas.id, f.area))) : null,
    f.unit ? one(db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, f.unit))) : null,
    f.parent ? one(db.select({ name: sql<string>`${tasks.code} || ' ' || ${tasks.title}` }).from(tasks).where(inArray(tasks.id, [f.parent]))) : null,
  ]);
  return { plan, taskForce, area, unit, parent };
}
