import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../context.js';
import type { Executor } from '../db/client.js';
import { bodies, orgUnits } from '../db/schema/index.js';
import type { DashboardSlice } from '../policies/dashboard.js';
import { blockerScope, reportScope } from './reporting/scope.js';

/**
 * A slice of the district in SQL, one condition per table the dashboard counts. Written raw with
 * qualified names: the same conditions go into one-table selects and joins alike, and drizzle
 * renders a column unqualified in a one-table select (an `exists` inside one would bind to the
 * inner table). The whole district is its regions' rows (wholeOf).
 */
export interface SliceSql {
  task: SQL | undefined;
  target: SQL | undefined;
  project: SQL | undefined;
  blocker: SQL | undefined;
  report: SQL | undefined;
}

/** A slice's condition appended to a statement's own (`and …`), or nothing for the whole. */
export const andSlice = (cond: SQL | undefined): SQL => (cond ? sql`and ${cond}` : sql``);

const list = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * The whole of what the reader's regions hold (the region seal): a district's user its district; a
 * city's or a province's user every district under it, summed — the roll-up across districts.
 */
function wholeOf(regionIds: readonly string[]): SliceSql {
  const regions = regionIds.length ? list(regionIds) : sql`null`;
  const plansIn = sql`(select p.id from plans p join programs pr on pr.id = p.program_id where pr.region_id in (${regions}))`;
  const unitsIn = sql`(select ou.id from org_units ou where ou.region_id in (${regions}))`;
  return {
    task: sql`"tasks"."plan_id" in ${plansIn}`,
    target: sql`"targets"."plan_id" in ${plansIn}`,
    project: sql`"projects"."plan_id" in ${plansIn}`,
    blocker: sql`"blockers"."unit_id" in ${unitsIn}`,
    report: sql`"reports"."unit_id" in ${unitsIn}`,
  };
}

/**
 * A unit's items are the tasks it is assigned (lead or supporting), the targets it supplies data
 * for and the projects it is responsible for (as the unit roll-up counts them); a task force's are
 * those of its plans. Blockers and reports as their lists scope them for this reader.
 */
export function sliceSql(db: Executor, actor: Actor | null, slice: DashboardSlice): SliceSql {
  // Nobody signed in (the public portal): the deployment's whole.
  if (slice.whole) return actor ? wholeOf(actor.regionIds) : { task: undefined, target: undefined, project: undefined, blocker: undefined, report: undefined };
  const either = (byUnit: SQL, byPlan: SQL): SQL => {
    const conds = [...(slice.unitIds.length ? [byUnit] : []), ...(slice.taskForceIds.length ? [byPlan] : [])];
    return sql`(${sql.join(conds, sql` or `)})`;
  };
  const units = slice.unitIds.length ? list(slice.unitIds) : sql`null`;
  const plansOf = sql`(select p.id from plans p where p.task_force_id in (${slice.taskForceIds.length ? list(slice.taskForceIds) : sql`null`}))`;
  return {
    task: either(sql`exists (select 1 from task_units tu where tu.task_id = "tasks"."id" and tu.unit_id in (${units}))`, sql`"tasks"."plan_id" in ${plansOf}`),
    target: either(sql`"targets"."data_unit_id" in (${units})`, sql`"targets"."plan_id" in ${plansOf}`),
    project: either(sql`"projects"."responsible_unit_id" in (${units})`, sql`"projects"."plan_id" in ${plansOf}`),
    blocker: blockerScope(db, actor),
    report: reportScope(db, actor),
  };
}

/** The units and task forces a slice is of, by name: what the reader's dashboard says it counts. */
export async function sliceNames(db: Executor, slice: DashboardSlice): Promise<{ units: { id: string; name: string }[]; taskForces: { id: string; name: string }[] }> {
  if (slice.whole) return { units: [], taskForces: [] };
  const [units, taskForces] = await Promise.all([
    slice.unitIds.length ? db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, slice.unitIds)).orderBy(asc(orgUnits.code)) : [],
    slice.taskForceIds.length ? db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(inArray(bodies.id, slice.taskForceIds)).orderBy(asc(bodies.code)) : [],
  ]);
  return { units, taskForces };
}
