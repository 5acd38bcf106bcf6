import { sql, type SQL } from 'drizzle-orm';
import type { RollupBy } from '../../domain/schemas/rollup.js';
import type { ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { RollupGroup } from '../models/planning.js';
import type { SliceSql } from './dashboardSlice.js';

type Counted = { light: string; n: number }[];

export interface DashboardLights {
  lights: Record<ItemType, Counted>;
  byPlan: RollupGroup[];
  byArea: RollupGroup[];
  byTaskForce: RollupGroup[];
  byUnit: RollupGroup[];
  /** Per district (its programs' items), for a city's or a province's reader: only districts with items of the slice. */
  byRegion: RollupGroup[];
}

interface CountRow {
  kind: ItemType | 'share';
  plan_id: string | null;
  area_id: string | null;
  unit_id: string | null;
  light: string;
  n: number;
}

interface GroupRow {
  by: RollupBy | 'region';
  id: string;
  code: string;
  name: string;
  task_force_id: string | null;
  /** A plan's program's region. */
  region_id: string | null;
}

const where = (cond: SQL | undefined) => (cond ? sql`where ${cond}` : sql``);

/**
 * Every light the dashboard shows — per item type, plan, area, task force and unit — from one
 * grouped statement over the three item tables (and the tasks' unit shares), and the groups from
 * one more. The overview's roll-up (`planning/rollup.ts`) takes four statements per grouping; on
 * the embedded database each statement costs milliseconds of its own, so the dashboard, which
 * needs all four groupings, reads them together and splits them here. The counting rules are the
 * roll-up's: a task counts for each unit it is shared with, a target for its data unit, a project
 * for its responsible unit, an item for its plan's task force.
 */
export async function dashboardLights(db: Executor, s: SliceSql): Promise<DashboardLights> {
  const [counted, groups] = await Promise.all([
    db.execute(sql`
      select 'task' as kind, plan_id, area_id, null::uuid as unit_id, light, count(*)::int as n from tasks ${where(s.task)} group by plan_id, area_id, light
      union all
      select 'target', plan_id, area_id, data_unit_id, light, count(*)::int from targets ${where(s.target)} group by plan_id, area_id, data_unit_id, light
      union all
      select 'project', plan_id, area_id, responsible_unit_id, light, count(*)::int from projects ${where(s.project)} group by plan_id, area_id, responsible_unit_id, light
      union all
      select 'share', null, null, task_units.unit_id, tasks.light, count(*)::int from task_units join tasks on tasks.id = task_units.task_id ${where(s.task)} group by task_units.unit_id, tasks.light`),
    db.execute(sql`
      select * from (
        select 'plan' as by, p.id, p.code, p.title as name, p.task_force_id, 0 as sort, 1 as part, pr.region_id from plans p join programs pr on pr.id = p.program_id
        union all select 'area', id, code, name, null, sort, 2, null from areas
        union all select 'taskForce', id, code, name, null, 0, 3, null from bodies where kind = 'task_force'
        union all select 'unit', id, code, name, null, sort, 4, null from org_units
        union all select 'region', id, code, name, null, 0, 5, null from regions where kind = 'district'
      ) g order by part, sort, code, id`),
  ]);
  const rows = (counted as unknown as { rows: CountRow[] }).rows;
  const list = (groups as unknown as { rows: GroupRow[] }).rows;
  const taskForceOf = new Map(list.filter((g) => g.by === 'plan').map((g) => [g.id, g.task_force_id]));
  const regionOf = new Map(list.filter((g) => g.by === 'plan').map((g) => [g.id, g.region_id]));

  const lights: Record<ItemType, Map<string, number>> = { task: new Map(), target: new Map(), project: new Map() };
  const per: Record<RollupBy | 'region', Map<string, Map<string, number>>> = { plan: new Map(), area: new Map(), taskForce: new Map(), unit: new Map(), region: new Map() };
  const add = (by: RollupBy | 'region', key: string | null | undefined, light: string, n: number) => {
    if (!key) return;
    const m = per[by].get(key) ?? new Map<string, number>();
    m.set(light, (m.get(light) ?? 0) + n);
    per[by].set(key, m);
  };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.kind === 'share') {
      add('unit', r.unit_id, r.light, n);
      continue;
    }
    lights[r.kind].set(r.light, (lights[r.kind].get(r.light) ?? 0) + n);
    add('plan', r.plan_id, r.light, n);
    add('area', r.area_id, r.light, n);
    add('taskForce', r.plan_id ? taskForceOf.get(r.plan_id) : null, r.light, n);
    add('region', r.plan_id ? regionOf.get(r.plan_id) : null, r.light, n);
    if (r.kind !== 'task') add('unit', r.unit_id, r.light, n);
  }
  // Within a slice, a group with nothing of it is not the reader's: it is left out.
  const sliced = !!(s.task || s.target || s.project);
  const grouped = (by: RollupBy | 'region'): RollupGroup[] =>
    list
      // Districts are counted only where the slice has items: another district's have none of the reader's.
      .filter((g) => g.by === by && ((!sliced && by !== 'region') || per[by].has(g.id)))
      .map((g) => ({ id: g.id, code: g.code, name: g.name, lights: [...(per[by].get(g.id) ?? new Map<string, number>())].map(([light, n]) => ({ light, n })) }));
  const counts = (m: Map<string, number>): Counted => [...m].map(([light, n]) => ({ light, n }));
  return {
    lights: { task: counts(lights.task), target: counts(lights.target), project: counts(lights.project) },
    byPlan: grouped('plan'),
    byArea: grouped('area'),
    byTaskForce: grouped('taskForce'),
    byUnit: grouped('unit'),
    byRegion: grouped('region'),
  };
}
