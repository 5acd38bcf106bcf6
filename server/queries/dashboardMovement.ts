import { sql, type SQL } from 'drizzle-orm';
import type { RollupBy } from '../../domain/schemas/rollup.js';
import type { ItemType } from '../../domain/work.js';
import type { Executor } from '../db/client.js';
import type { GroupMovement, LightMovement } from '../models/dashboard.js';
import type { SliceSql } from './dashboardSlice.js';

/** A light change's item joined by type; its slice condition holds only for the joined table's row. */
const ITEM_JOINS = sql`
  left join tasks on light_changes.item_type = 'task' and tasks.id = light_changes.item_id
  left join targets on light_changes.item_type = 'target' and targets.id = light_changes.item_id
  left join projects on light_changes.item_type = 'project' and projects.id = light_changes.item_id`;

function inSlice(s: SliceSql): SQL | undefined {
  if (!s.task || !s.target || !s.project) return undefined;
  return sql`((light_changes.item_type = 'task' and ${s.task}) or (light_changes.item_type = 'target' and ${s.target}) or (light_changes.item_type = 'project' and ${s.project}))`;
}

/**
 * The items that turned red in the period and are red still, the latest first (ten, chosen in SQL:
 * a period can hold hundreds of turns to red, the midnight run after a holiday). The turns are
 * grouped per item before the items are joined: a province's month holds tens of thousands of
 * light changes, and joining the three item tables to each change first cost most of the time.
 */
export async function newlyRed(db: Executor, s: SliceSql, start: Date, end: Date): Promise<LightMovement['newlyRed']> {
  const sliced = inSlice(s);
  const { rows } = (await db.execute(sql`
    with light_changes as (
      select item_type, item_id, max(at) as at from light_changes
      where at >= ${start} and at < ${end} and to_light = 'red' group by item_type, item_id
    )
    select light_changes.item_type as "itemType", light_changes.item_id as "itemId",
      coalesce(tasks.code, targets.code, projects.code) as code, coalesce(tasks.title, targets.name, projects.name) as title, light_changes.at
    from light_changes ${ITEM_JOINS}
    where coalesce(tasks.light, targets.light, projects.light) = 'red' ${sliced ? sql`and ${sliced}` : sql``}
    order by light_changes.at desc, light_changes.item_id limit 10`)) as unknown as { rows: { itemType: ItemType; itemId: string; code: string; title: string; at: Date | string }[] };
  return rows.map((r) => ({ itemType: r.itemType, itemId: r.itemId, code: r.code, title: r.title, at: new Date(r.at).toISOString() }));
}

/**
 * How the lights moved in the period, in one statement over their history: each item that moved
 * counted once for each light it turned to (to green only from red or yellow: a recovery) in the
 * totals, and once in each of its groups for turning red and recovering (a task in each of its
 * units, as the unit roll-up counts it). The changes are folded into one row per item first and
 * the items joined to those rows (named light_changes, so that the joins and the slice read as
 * elsewhere): folding after the join carried every change's plan, area and unit through the
 * grouping and spilled to disk on a province's month.
 */
export async function lightMovement(db: Executor, s: SliceSql, start: Date, end: Date): Promise<{ totals: Omit<LightMovement, 'newlyRed'>; byGroup: Record<RollupBy, Map<string, GroupMovement>> }> {
  const sliced = inSlice(s);
  const { rows } = (await db.execute(sql`
    with light_changes as (
      select item_type, item_id,
        bool_or(to_light = 'red') as red,
        bool_or(to_light = 'yellow') as yellow,
        bool_or(to_light = 'green' and from_light in ('red', 'yellow')) as recovered,
        bool_or(to_light = 'done') as done
      from light_changes
      where at >= ${start} and at < ${end}
      group by item_type, item_id
    ), moved as (
      select light_changes.*,
        coalesce(tasks.plan_id, targets.plan_id, projects.plan_id) as plan_id,
        coalesce(tasks.area_id, targets.area_id, projects.area_id) as area_id,
        coalesce(targets.data_unit_id, projects.responsible_unit_id) as unit_id
      from light_changes ${ITEM_JOINS}
      ${sliced ? sql`where ${sliced}` : sql``}
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
