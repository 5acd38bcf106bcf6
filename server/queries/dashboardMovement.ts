import { sql, type SQL } from 'drizzle-orm';
import type { RollupBy } from '../../domain/schemas/rollup.js';
import type { ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { GroupMovement, LightMovement } from '../models/dashboard.js';
import { andSlice, type SliceSql } from './dashboardSlice.js';

/**
 * An item type's changes in the period, folded into one row per item of the reader's slice, with
 * the item's plan, area and unit, and when it last turned red in the period if it is red still.
 * Joined first, then folded: folding a province's changes before the join costs a district's
 * reader the whole province's (its dashboard's movement 17 ms became 97).
 */
function movedOf(table: 'tasks' | 'targets' | 'projects', type: ItemType, unit: SQL, slice: SQL | undefined, start: Date, end: Date): SQL {
  const t = sql.raw(table);
  return sql`
    select ${type}::text as item_type, ${t}.id as item_id,
      bool_or(light_changes.to_light = 'red') as red,
      bool_or(light_changes.to_light = 'yellow') as yellow,
      bool_or(light_changes.to_light = 'green' and light_changes.from_light in ('red', 'yellow')) as recovered,
      bool_or(light_changes.to_light = 'done') as done,
      case when ${t}.light = 'red' then max(light_changes.at) filter (where light_changes.to_light = 'red') end as red_at,
      ${t}.plan_id, ${t}.area_id, ${unit} as unit_id
    from light_changes join ${t} on ${t}.id = light_changes.item_id
    where light_changes.item_type = ${type} and light_changes.at >= ${start} and light_changes.at < ${end} ${andSlice(slice)}
    group by ${t}.id`;
}

/**
 * How the lights moved in the period, in one statement over their history: each item that moved
 * counted once for each light it turned to (to green only from red or yellow: a recovery) in the
 * totals, and once in each of its groups for turning red and recovering (a task in each of its
 * units, as the unit roll-up counts it); and the items that turned red in it and are red still, the
 * latest first (ten, chosen in SQL: a period can hold hundreds of turns to red, the midnight run
 * after a holiday), from the same fold of the history (a statement of their own read it again).
 * Each item type's changes are joined to its own table under the slice and folded per item: joining
 * the three tables to every change at once left the planner no estimate of the slice, and it read
 * every task of a province (41 MB) for a district's reader (items are never deleted, so every
 * change has its item).
 */
export async function lightMovement(db: Executor, s: SliceSql, start: Date, end: Date): Promise<{ totals: LightMovement; byGroup: Record<RollupBy, Map<string, GroupMovement>> }> {
  const { rows } = (await db.execute(sql`
    with moved_tasks as materialized (
      ${movedOf('tasks', 'task', sql`null::uuid`, s.task, start, end)}
    ), moved_others as materialized (
      ${movedOf('targets', 'target', sql`targets.data_unit_id`, s.target, start, end)}
      union all ${movedOf('projects', 'project', sql`projects.responsible_unit_id`, s.project, start, end)}
    ), moved as not materialized (
      select * from moved_tasks union all select * from moved_others
    ), grouped as (
      select 'plan' as by, plan_id as key, red, recovered from moved
      union all select 'area', area_id, red, recovered from moved
      union all select 'taskForce', pl.task_force_id, red, recovered from moved join plans pl on pl.id = moved.plan_id
      union all select 'unit', unit_id, red, recovered from moved_others
      -- The tasks' own fold, not moved filtered by type: the planner guesses a filtered CTE at a few
      -- rows and probed task_units once per moved task (15,000 times for a province).
      union all select 'unit', tu.unit_id, red, recovered from moved_tasks join task_units tu on tu.task_id = moved_tasks.item_id
    ), newly as (
      select item_type, item_id, red_at, row_number() over (order by red_at desc, item_id)::int as rank
      from moved where red_at is not null order by red_at desc, item_id limit 10
    )
    select 'all' as by, null::uuid as key, count(*) filter (where red)::int as "turnedRed", count(*) filter (where recovered)::int as recovered,
      count(*) filter (where yellow)::int as "turnedYellow", count(*) filter (where done)::int as done, null as "itemType", null as code, null as title, null::timestamptz as at, null::int as rank
    from moved
    union all
    select by, key, count(*) filter (where red)::int, count(*) filter (where recovered)::int, 0, 0, null, null, null, null, null
    from grouped where key is not null and (red or recovered) group by by, key
    union all
    select 'newlyRed', n.item_id, 0, 0, 0, 0, n.item_type, coalesce(t.code, g.code, p.code), coalesce(t.title, g.name, p.name), n.red_at, n.rank
    from newly n
      left join tasks t on n.item_type = 'task' and t.id = n.item_id
      left join targets g on n.item_type = 'target' and g.id = n.item_id
      left join projects p on n.item_type = 'project' and p.id = n.item_id`)) as unknown as {
    rows: { by: RollupBy | 'all' | 'newlyRed'; key: string; turnedRed: number; recovered: number; turnedYellow: number; done: number; itemType: ItemType; code: string; title: string; at: Date | string; rank: number | null }[];
  };
  const byGroup: Record<RollupBy, Map<string, GroupMovement>> = { plan: new Map(), area: new Map(), taskForce: new Map(), unit: new Map() };
  let totals = { turnedRed: 0, turnedYellow: 0, recovered: 0, done: 0 };
  // The newly red in their rank from SQL: the rows of a union come in no promised order.
  const newlyRed: (LightMovement['newlyRed'][number] & { rank: number })[] = [];
  for (const r of rows) {
    if (r.by === 'all') totals = { turnedRed: Number(r.turnedRed), turnedYellow: Number(r.turnedYellow), recovered: Number(r.recovered), done: Number(r.done) };
    else if (r.by === 'newlyRed') newlyRed.push({ itemType: r.itemType, itemId: r.key, code: r.code, title: r.title, at: new Date(r.at).toISOString(), rank: Number(r.rank) });
    else byGroup[r.by].set(r.key, { turnedRed: Number(r.turnedRed), recovered: Number(r.recovered) });
  }
  newlyRed.sort((a, b) => a.rank - b.rank);
  return { totals: { ...totals, newlyRed: newlyRed.map(({ rank: _, ...n }) => n) }, byGroup };
}
