import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { taskDueDate } from '../../../domain/deadlines.js';
import type { LightReason, Light } from '../../../domain/lights.js';
import type { PeriodKind } from '../../../domain/periods.js';
import { itemKey, type ItemType } from '../../../domain/work.js';
export { itemKey } from '../../../domain/work.js';
import type { Executor } from '../../db/client.js';
import type { ItemInfo } from '../../models/reporting.js';
import { plans, projects, targets, taskUnits, tasks } from '../../db/schema/index.js';
import { programIn, type RegionScope } from '../regionScope.js';

export type { ItemInfo } from '../../models/reporting.js';


/** Loads many items in at most three queries, keyed by itemKey(type, id). */
export async function loadItems(db: Executor, refs: { itemType: string; itemId: string }[]): Promise<Map<string, ItemInfo>> {
  const ids = (type: ItemType) => [...new Set(refs.filter((r) => r.itemType === type).map((r) => r.itemId))];
  const out = new Map<string, ItemInfo>();
  const common = { planId: plans.id, taskForceId: plans.taskForceId };
  const [taskIds, targetIds, projectIds] = [ids('task'), ids('target'), ids('project')];
  const [ts, tg, ps] = await Promise.all([
    taskIds.length ? db.select({ t: tasks, ...common }).from(tasks).leftJoin(plans, eq(plans.id, tasks.planId)).where(inArray(tasks.id, taskIds)) : [],
    targetIds.length ? db.select({ t: targets, ...common }).from(targets).leftJoin(plans, eq(plans.id, targets.planId)).where(inArray(targets.id, targetIds)) : [],
    projectIds.length ? db.select({ p: projects, ...common }).from(projects).leftJoin(plans, eq(plans.id, projects.planId)).where(inArray(projects.id, projectIds)) : [],
  ]);
  for (const { t, planId, taskForceId } of ts) {
    const info: ItemInfo = { itemType: 'task', itemId: t.id, code: t.code, title: t.title, light: t.light as Light, lightReasons: t.lightReasons as LightReason[], planId, taskForceId, periodKind: t.reportPeriod as PeriodKind, due: taskDueDate(t) };
    out.set(itemKey('task', t.id), info);
  }
  for (const { t, planId, taskForceId } of tg) {
    const info: ItemInfo = { itemType: 'target', itemId: t.id, code: t.code, title: t.name, light: t.light as Light, lightReasons: t.lightReasons as LightReason[], planId, taskForceId, periodKind: t.period as PeriodKind, due: null };
    out.set(itemKey('target', t.id), info);
  }
  for (const { p, planId, taskForceId } of ps) {
    const info: ItemInfo = { itemType: 'project', itemId: p.id, code: p.code, title: p.name, light: p.light as Light, lightReasons: p.lightReasons as LightReason[], planId, taskForceId, periodKind: 'monthly', due: null };
    out.set(itemKey('project', p.id), info);
  }
  return out;
}

/**
 * The item a row points at (by type and id columns), as JSON inside the caller's query: the fields
 * `itemInfoFromJson` turns into the ItemInfo that loadItems gives, without a second round trip.
 */
export function itemInfoJson(typeCol: PgColumn, idCol: PgColumn): SQL {
  const plan = (planId: PgColumn) => sql`left join ${plans} on ${plans.id} = ${planId}`;
  const common = sql`'planId', ${plans.id}, 'taskForceId', ${plans.taskForceId}`;
  return sql`case ${typeCol}
    when 'task' then (select json_build_object('code', ${tasks.code}, 'title', ${tasks.title}, 'light', ${tasks.light}, 'lightReasons', ${tasks.lightReasons}, ${common},
        'periodKind', ${tasks.reportPeriod}, 'deadlineKind', ${tasks.deadlineKind}, 'deadline', ${tasks.deadline}, 'nextDue', ${tasks.nextDue})
      from ${tasks} ${plan(tasks.planId)} where ${tasks.id} = ${idCol})
    when 'target' then (select json_build_object('code', ${targets.code}, 'title', ${targets.name}, 'light', ${targets.light}, 'lightReasons', ${targets.lightReasons}, ${common},
        'periodKind', ${targets.period})
      from ${targets} ${plan(targets.planId)} where ${targets.id} = ${idCol})
    when 'project' then (select json_build_object('code', ${projects.code}, 'title', ${projects.name}, 'light', ${projects.light}, 'lightReasons', ${projects.lightReasons}, ${common},
        'periodKind', 'monthly')
      from ${projects} ${plan(projects.planId)} where ${projects.id} = ${idCol})
  end`;
}

/** What itemInfoJson gives: ItemInfo's own fields, and a task's deadline parts for its due date. */
export type ItemJson = Omit<ItemInfo, 'itemType' | 'itemId' | 'due'> & { deadlineKind?: string; deadline?: string | null; nextDue?: string | null };

export function itemInfoFromJson(itemType: ItemType, itemId: string, j: ItemJson | null): ItemInfo | undefined {
  if (!j) return undefined;
  const due = itemType === 'task' ? taskDueDate({ deadlineKind: j.deadlineKind ?? 'none', deadline: j.deadline ?? null, nextDue: j.nextDue ?? null }) : null;
  const { deadlineKind: _k, deadline: _d, nextDue: _n, ...info } = j;
  return { ...info, itemType, itemId, due };
}

export async function loadItem(db: Executor, itemType: ItemType, itemId: string, scope?: RegionScope): Promise<ItemInfo | undefined> {
  const item = (await loadItems(db, [{ itemType, itemId }])).get(itemKey(itemType, itemId));
  if (!item || !scope || !item.planId) return item;
  // Read by a reader of these regions (the region seal): an item of another district's plan is one that does not exist.
  const [within] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.id, item.planId), programIn(plans.programId, scope)));
  return within ? item : undefined;
}

/** The units answerable for an item: a task's lead and supporting units, a target's data unit, a project's responsible unit. */
export async function itemOwners(db: Executor, itemType: ItemType, itemId: string): Promise<string[]> {
  if (itemType === 'task') return (await db.select({ id: taskUnits.unitId }).from(taskUnits).where(eq(taskUnits.taskId, itemId))).map((r) => r.id);
  if (itemType === 'target') return (await db.select({ id: targets.dataUnitId }).from(targets).where(eq(targets.id, itemId))).map((r) => r.id);
  return (await db.select({ id: projects.responsibleUnitId }).from(projects).where(eq(projects.id, itemId))).map((r) => r.id);
}

/** Whether the unit leads the task (its report sets the task's progress): the lead unit, or any unit when no lead is named. */
export async function leadsTask(db: Executor, task: { id: string; leadUnitId: string | null }, unitId: string): Promise<boolean> {
  if (task.leadUnitId) return task.leadUnitId === unitId;
  const leads = await db.select({ unitId: taskUnits.unitId }).from(taskUnits).where(and(eq(taskUnits.taskId, task.id), eq(taskUnits.role, 'lead')));
  return leads.length === 0 || leads.some((l) => l.unitId === unitId);
}
