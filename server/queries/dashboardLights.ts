import { sql, type SQL } from 'drizzle-orm';
import { LIGHTS, type Light } from '../../domain/lights.js';
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

/** One group (or, `by` = 'kind', one item type named in `code`) with its items counted per light, a column each. */
type GroupRow = { by: RollupBy | 'region' | 'kind'; id: string | null; code: string; name: string | null } & Record<Light, number | null>;

const where = (cond: SQL | undefined) => (cond ? sql`where ${cond}` : sql``);

/** Items per light as columns: one row per group instead of one per group and light (a province has 2,400 units). */
const PIVOT = sql.raw(LIGHTS.map((l) => `count(*) filter (where light = '${l}')::int as "${l}"`).join(', '));
const SUMS = sql.raw(LIGHTS.map((l) => `sum("${l}")::int as "${l}"`).join(', '));
const PICKED = sql.raw(LIGHTS.map((l) => `c."${l}"`).join(', '));

/**
 * Every light the dashboard shows — per item type, plan, area, task force, district and unit —
 * counted and named in one statement over the three item tables (and the tasks' unit shares). The
 * overview's roll-up (`planning/rollup.ts`) takes four statements per grouping; on the embedded
 * database each statement costs milliseconds of its own, so the dashboard, which needs every
 * grouping, reads them together. Grouped in SQL with a column per light, each table first per plan,
 * area and unit (a few thousand rows for a province), then summed per group: a province's items
 * counted per plan, area, unit and light were 16,000 rows to parse and fold here. The counting
 * rules are the roll-up's: a task counts for each unit it is shared with, a target for its data
 * unit, a project for its responsible unit, an item for its plan's task force and its program's district.
 */
export async function dashboardLights(db: Executor, s: SliceSql): Promise<DashboardLights> {
  // Within a slice, a group with nothing of it is not the reader's: it is left out. Without one
  // (the portal), every group is listed, counted or not, but districts only where they have items.
  const sliced = !!(s.task || s.target || s.project);
  const { rows } = (await db.execute(sql`
    with a as (
      select 'task' as kind, plan_id, area_id, null::uuid as unit_id, ${PIVOT} from tasks ${where(s.task)} group by plan_id, area_id
      union all select 'target', plan_id, area_id, data_unit_id, ${PIVOT} from targets ${where(s.target)} group by plan_id, area_id, data_unit_id
      union all select 'project', plan_id, area_id, responsible_unit_id, ${PIVOT} from projects ${where(s.project)} group by plan_id, area_id, responsible_unit_id
    ), shares as (
      select task_units.unit_id, ${PIVOT} from task_units join tasks on tasks.id = task_units.task_id ${where(s.task)} group by task_units.unit_id
    ), c as (
      select 'plan' as by, plan_id as id, ${SUMS} from a group by plan_id
      union all select 'area', area_id, ${SUMS} from a group by area_id
      union all select 'taskForce', pl.task_force_id, ${SUMS} from a join plans pl on pl.id = a.plan_id group by pl.task_force_id
      union all select 'region', pr.region_id, ${SUMS} from a join plans pl on pl.id = a.plan_id join programs pr on pr.id = pl.program_id group by pr.region_id
      union all select 'unit', unit_id, ${SUMS} from (select * from a where kind <> 'task' union all select 'task', null, null, * from shares) u group by unit_id
    ), g as (
      select 'plan' as by, p.id, p.code, p.title as name, 0 as sort, 1 as part from plans p
      union all select 'area', id, code, name, sort, 2 from areas
      union all select 'taskForce', id, code, name, 0, 3 from bodies where kind = 'task_force'
      union all select 'unit', id, code, name, sort, 4 from org_units
      union all select 'region', id, code, name, 0, 5 from regions where kind = 'district'
    )
    select * from (
      select 'kind' as by, null::uuid as id, kind as code, null as name, 0 as sort, 0 as part, ${SUMS} from a group by kind
      union all
      select g.by, g.id, g.code, g.name, g.sort, g.part, ${PICKED}
      from g ${sliced ? sql`join` : sql`left join`} c on c.by = g.by and c.id = g.id
      ${sliced ? sql`` : sql`where g.by <> 'region' or c.id is not null`}
    ) x order by part, sort, code, id`)) as unknown as { rows: GroupRow[] };

  const counted = (r: GroupRow): Counted => LIGHTS.filter((l) => Number(r[l] ?? 0) > 0).map((light) => ({ light, n: Number(r[light]) }));
  const kind = (k: ItemType): Counted => {
    const r = rows.find((x) => x.by === 'kind' && x.code === k);
    return r ? counted(r) : [];
  };
  const grouped = (by: RollupBy | 'region'): RollupGroup[] => rows.filter((r) => r.by === by).map((r) => ({ id: r.id!, code: r.code, name: r.name!, lights: counted(r) }));
  return {
    lights: { task: kind('task'), target: kind('target'), project: kind('project') },
    byPlan: grouped('plan'),
    byArea: grouped('area'),
    byTaskForce: grouped('taskForce'),
    byUnit: grouped('unit'),
    byRegion: grouped('region'),
  };
}
