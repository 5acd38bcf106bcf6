import { and, asc, count, eq } from 'drizzle-orm';
import type { RollupBy } from '../../../domain/schemas/rollup.js';
import type { ItemType } from '../../../domain/work.js';
import type { Executor } from '../../db/client.js';
import { areas, bodies, orgUnits, plans, projects, targets, taskUnits, tasks } from '../../db/schema/index.js';
import type { RollupGroup } from '../../models/planning.js';
import { programIn, regionIn, type RegionScope } from '../regionScope.js';

export type { RollupGroup } from '../../models/planning.js';

type Counted = Promise<{ key: string | null; light: string; n: number }[]>;

/**
 * Stored lights counted per group, one GROUP BY per item type (never recomputed, never per row):
 * a plan's, an area's and a task force's tasks, targets and projects; a unit's tasks (as lead or
 * supporting unit: each answers for its share), the targets it supplies data for and the projects
 * it is responsible for.
 */
function counted(db: Executor, by: RollupBy, item: ItemType): Counted {
  if (by === 'plan') {
    if (item === 'task') return db.select({ key: tasks.planId, light: tasks.light, n: count() }).from(tasks).groupBy(tasks.planId, tasks.light);
    if (item === 'target') return db.select({ key: targets.planId, light: targets.light, n: count() }).from(targets).groupBy(targets.planId, targets.light);
    return db.select({ key: projects.planId, light: projects.light, n: count() }).from(projects).groupBy(projects.planId, projects.light);
  }
  if (by === 'area') {
    if (item === 'task') return db.select({ key: tasks.areaId, light: tasks.light, n: count() }).from(tasks).groupBy(tasks.areaId, tasks.light);
    if (item === 'target') return db.select({ key: targets.areaId, light: targets.light, n: count() }).from(targets).groupBy(targets.areaId, targets.light);
    return db.select({ key: projects.areaId, light: projects.light, n: count() }).from(projects).groupBy(projects.areaId, projects.light);
  }
  if (by === 'taskForce') {
    const tf = plans.taskForceId;
    if (item === 'task') return db.select({ key: tf, light: tasks.light, n: count() }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).groupBy(tf, tasks.light);
    if (item === 'target') return db.select({ key: tf, light: targets.light, n: count() }).from(targets).innerJoin(plans, eq(plans.id, targets.planId)).groupBy(tf, targets.light);
    return db.select({ key: tf, light: projects.light, n: count() }).from(projects).innerJoin(plans, eq(plans.id, projects.planId)).groupBy(tf, projects.light);
  }
  if (item === 'task') return db.select({ key: taskUnits.unitId, light: tasks.light, n: count() }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).groupBy(taskUnits.unitId, tasks.light);
  if (item === 'target') return db.select({ key: targets.dataUnitId, light: targets.light, n: count() }).from(targets).groupBy(targets.dataUnitId, targets.light);
  return db.select({ key: projects.responsibleUnitId, light: projects.light, n: count() }).from(projects).groupBy(projects.responsibleUnitId, projects.light);
}

/**
 * Every plan, area, task force or unit of the reader's regions in display order (those with nothing
 * to count too): only these groups are answered, so another district's counts never are.
 */
function groups(db: Executor, by: RollupBy, scope: RegionScope): Promise<{ id: string; code: string; name: string }[]> {
  if (by === 'plan') return db.select({ id: plans.id, code: plans.code, name: plans.title }).from(plans).where(programIn(plans.programId, scope)).orderBy(asc(plans.code), asc(plans.id));
  if (by === 'area') {
    return db.select({ id: areas.id, code: areas.code, name: areas.name }).from(areas).where(programIn(areas.programId, scope)).orderBy(asc(areas.sort), asc(areas.code), asc(areas.id));
  }
  if (by === 'taskForce') {
    return db
      .select({ id: bodies.id, code: bodies.code, name: bodies.name })
      .from(bodies)
      .where(and(eq(bodies.kind, 'task_force'), regionIn(bodies.regionId, scope)))
      .orderBy(asc(bodies.code), asc(bodies.id));
  }
  return db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(regionIn(orgUnits.regionId, scope)).orderBy(asc(orgUnits.sort), asc(orgUnits.code), asc(orgUnits.id));
}

/** Lights of tasks, targets and projects (or one kind of them) counted per plan, area, task force or unit. */
export async function lightRollup(db: Executor, by: RollupBy, items: readonly ItemType[], scope: RegionScope): Promise<RollupGroup[]> {
  const [list, ...parts] = await Promise.all([groups(db, by, scope), ...items.map((i) => counted(db, by, i))]);
  const byKey = new Map<string, { light: string; n: number }[]>();
  for (const rows of parts) {
    for (const r of rows) {
      if (!r.key) continue;
      const l = byKey.get(r.key) ?? [];
      l.push({ light: r.light, n: Number(r.n) });
      byKey.set(r.key, l);
    }
  }
  return list.map((g) => ({ ...g, lights: byKey.get(g.id) ?? [] }));
}
