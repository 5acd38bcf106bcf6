import { sql, type SQL } from 'drizzle-orm';
import type { RollupBy } from '../../domain/schemas/rollup.js';
import type { ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { GroupMovement, LightMovement } from '../models/dashboard.js';
import { andSlice, type SliceSql } from './dashboardSlice.js';

/**
 * The items that turned red in the period and are red still, the latest first (ten, chosen in SQL:
 * a period can hold hundreds of turns to red, the midnight run after a holiday). One branch per item
 * type, each its changes joined to its own table under the reader's slice: joining the three tables
 * to every change at once left the planner no estimate of the slice, and it read every task of a
 * province (41 MB) for a district's reader.
 */
export async function newlyRed(db: Executor, s: SliceSql, start: Date, end: Date): Promise<LightMovement['newlyRed']> {
  const changes = sql`light_changes.at >= ${start} and light_changes.at < ${end} and light_changes.to_light = 'red'`;
  const { rows } = (await db.execute(sql`
    select 'task' as "itemType", tasks.id as "itemId", tasks.code, tasks.title, max(light_changes.at) as at
      from light_changes join tasks on tasks.id = light_changes.item_id
      where light_changes.item_type = 'task' and ${changes} and tasks.light = 'red' ${andSlice(s.task)} group by tasks.id
    union all
    select 'target', targets.id, targets.code, targets.name, max(light_changes.at)
      from light_changes join targets on targets.id = light_changes.item_id
      where light_changes.item_type = 'target' and ${changes} and targets.light = 'red' ${andSlice(s.target)} group by targets.id
    union all
    select 'project', projects.id, projects.code, projects.name, max(light_changes.at)
      from light_changes join projects on projects.id = light_changes.item_id
      where light_changes.item_type = 'project' and ${changes} and projects.light = 'red' ${andSlice(s.project)} group by projects.id
    order by at desc, "itemId" limit 10`)) as unknown as { rows: { itemType: ItemType; itemId: string; code: string; title: string; at: Date | string }[] };
  return rows.map((r) => ({ itemType: r.itemType, itemId: r.itemId, code: r.code, title: r.title, at: new Date(r.at).toISOString() }));
}

/** An item type's changes in the period, folded into one row per item of the reader's slice, with the item's plan, area and unit. */
function movedOf(table: 'tasks' | 'targets' | 'projects', type: ItemType, unit: SQL, slice: SQL | undefined, start: Date, end: Date): SQL {
  const t = sql.raw(table);
  return sql`
    select ${type}::text as item_type, ${t}.id as item_id,
      bool_or(light_changes.to_light = 'red') as red,
      bool_or(light_changes.to_light = 'yellow') as yellow,
      bool_or(light_changes.to_light = 'green' and light_changes.from_light in ('red', 'yellow')) as recovered,
      bool_or(light_changes.to_light = 'done') as done,
      ${t}.plan_id, ${t}.area_id, ${unit} as unit_id
    from light_changes join ${t} on ${t}.id = light_changes.item_id
    where light_changes.item_type = ${type} and light_changes.at >= ${start} and light_changes.at < ${end} ${andSlice(slice)}
    group by ${t}.id`;
}

/**
 * How the lights moved in the period, in one statement over their history: each item that moved
 * counted once for each light it turned to (to green only from red or yellow: a recovery) in the
 * totals, and once in each of its groups for turning red and recovering (a task in each of its
 * units, as the unit roll-up counts it). Each item type's changes are joined to its own table under
 * the slice and folded per item (see newlyRed; items are never deleted, so every change has its item).
 */
export async function lightMovement(db: Executor, s: SliceSql, start: Date, end: Date): Promise<{ totals: Omit<LightMovement, 'newlyRed'>; byGroup: Record<RollupBy, Map<string, GroupMovement>> }> {
  const { rows } = (await db.execute(sql`
    with moved as (
      ${movedOf('tasks', 'task', sql`null::uuid`, s.task, start, end)}
      union all ${movedOf('targets', 'target', sql`targets.data_unit_id`, s.target, start, end)}
      union all ${movedOf('projects', 'project', sql`projects.responsible_unit_id`, s.project, start, end)}
    ), grouped as (
      select 'plan' as by, plan_id as key, red, recovered from moved
      union all select 'area', area_id, red, recovered from moved
      union all select 'taskForce', pl.task_force_id, red, recovered from moved join plans pl on pl.id = moved.plan_id
      union all select 'unit', unit_id, red, recovered from moved where item_type <> 'task'
      union all select 'unit', tu.unit_id, red, recovered from moved join task_units tu on moved.item_type = 'task' and tu.task_id = moved.item_id
    )
    select 'all' as by, null::uuid as key, count(*) filter (where red)::int as "turnedRed", count(*) filter (where recovered)::int as recovered,
      count(*) filter (where yellow)::int as "turnedYellow", count(*) filter (where done)::int as done
    from moved
    union all
    select by, key, count(*) filter (where red)::int, count(*) filter (where recovered)::int, 0, 0
    from grouped where key is not null and (red or recovered) group by by, key`)) as unknown as {
    rows: { by: RollupBy | 'all'; key: string; turnedRed: number; recovered: number; turnedYellow: number; done: number }[];
  };
  const byGroup: Record<RollupBy, Map<string, GroupMovement>> = { plan: new Map(), area: new Map(), taskForce: new Map(), unit: new Map() };
  let totals = { turnedRed: 0, turnedYellow: 0, recovered: 0, done: 0 };
  for (const r of rows) {
    if (r.by === 'all') totals = { turnedRed: Number(r.turnedRed), turnedYellow: Number(r.turnedYellow), recovered: Number(r.recovered), done: Number(r.done) };
    else byGroup[r.by].set(r.key, { turnedRed: Number(r.turnedRed), recovered: Number(r.recovered) });
  }
  return { totals, byGroup };
}
