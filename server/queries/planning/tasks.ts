import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { Light } from '../../../domain/lights.js';
import type { TASK_SORTS } from '../../../domain/schemas/task.js';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { fromJsonRow, jsonRowOf } from '../../db/jsonRows.js';
import { prepareStatement } from '../../db/prepared.js';
import { orgUnits, plans, programs, tasks, taskUnits } from '../../db/schema/index.js';
import { lightRank } from './lights.js';
import type { TaskRow } from '../../models/planning.js';
import type { RegionScope } from '../regionScope.js';

export interface TaskFilter {
  /** The reader's region scope (the region seal): only plans of programs of these regions. */
  scope: RegionScope;
  taskForce?: string | undefined;
  plan?: string | undefined;
  area?: string | undefined;
  unit?: string | undefined;
  light?: Light | undefined;
  dueBefore?: string | undefined;
  parent?: string | undefined;
  q?: string | undefined;
  /** Open (not done) or done. */
  status?: 'open' | 'done' | undefined;
}

export type { TaskRow } from '../../models/planning.js';

/** A filter value as the statement takes it: the value itself, or a placeholder of that name (a prepared statement). */
type FilterValue = (key: keyof TaskFilter | 'qLike', value: unknown) => unknown;
// An array (the scope) goes as one parameter: spread into a list it would not be an array.
const asValue: FilterValue = (_key, value) => (Array.isArray(value) ? sql.param(value) : value);
const asPlaceholder: FilterValue = (key) => sql.placeholder(key);

function conditions(f: TaskFilter, withLight: boolean, v: FilterValue): SQL | undefined {
  // Every statement carries the seal; its value is a placeholder like the filters'.
  const conds: SQL[] = [sql`${tasks.planId} in (select p.id from ${plans} p join ${programs} pr on pr.id = p.program_id where pr.region_id = any(${v('scope', f.scope)}::uuid[]))`];
  if (f.plan) conds.push(sql`${tasks.planId} = ${v('plan', f.plan)}`);
  if (f.taskForce) conds.push(sql`${tasks.planId} in (select ${plans.id} from ${plans} where ${plans.taskForceId} = ${v('taskForce', f.taskForce)})`);
  if (f.area) conds.push(sql`${tasks.areaId} = ${v('area', f.area)}`);
  if (f.parent) conds.push(sql`${tasks.parentId} = ${v('parent', f.parent)}`);
  if (f.unit) conds.push(sql`exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${taskUnits.unitId} = ${v('unit', f.unit)})`);
  if (f.dueBefore) conds.push(sql`${tasks.nextDue} <= ${v('dueBefore', f.dueBefore)}`);
  if (f.status) conds.push(sql`${tasks.done} = ${v('status', f.status === 'done')}`);
  if (withLight && f.light) conds.push(sql`${tasks.light} = ${v('light', f.light)}`);
  if (f.q) {
    const like = v('qLike', `%${escapeLike(f.q)}%`);
    conds.push(sql`(${tasks.title} ilike ${like} or ${tasks.code} ilike ${like})`);
  }
  return conds.length ? and(...conds) : undefined;
}

export function taskConditions(f: TaskFilter, withLight: boolean): SQL | undefined {
  return conditions(f, withLight, asValue);
}

function ordering(sort: (typeof TASK_SORTS)[number], order: 'asc' | 'desc'): SQL[] {
  const dir = order === 'desc' ? desc : asc;
  const key =
    sort === 'deadline'
      ? sql`${tasks.nextDue} ${sql.raw(order)} nulls last`
      : sort === 'light'
        ? dir(lightRank(tasks.light))
        : sort === 'progress'
          ? dir(tasks.progress)
          : dir(tasks.code);
  return [key, asc(tasks.code), asc(tasks.id)];
}

/** The filters a list asks with, by name: what its statement's shape depends on. */
const FILTER_KEYS = ['taskForce', 'plan', 'area', 'unit', 'light', 'dueBefore', 'parent', 'q', 'status'] as const satisfies readonly (keyof TaskFilter)[];

/**
 * The list's one statement for a shape (the filters present, the sort and its order), built once
 * and prepared: the filters' values, the page's size and offset are its placeholders, so drizzle
 * composes it once per shape rather than on every computed read, and PostgreSQL plans it once per
 * connection. One statement: the filter runs once (a text search scans every task), its matches
 * are counted by light for the tabs, and only the page's rows become one JSON value each
 * (jsonRowOf) — the embedded database hands results to JavaScript field by field and runs queries
 * one after the other, so one round trip with two fields beats two with 50 × 25. Inside, `matched`
 * is named "tasks" so the filter, sort and JSON expressions read the same columns.
 */
function listStatement(f: TaskFilter, sort: (typeof TASK_SORTS)[number], order: 'asc' | 'desc'): SQL {
  const orderBy = sql.join(ordering(sort, order), sql`, `);
  const lightOnly = f.light ? sql`${tasks.light} = ${sql.placeholder('light')}` : sql`true`;
  return sql`
    with tasks as materialized (select * from ${tasks} where ${conditions(f, false, asPlaceholder) ?? sql`true`}),
    page as (
      select ${tasks.id} as id, row_number() over (order by ${orderBy}) as n from tasks where ${lightOnly}
      order by ${orderBy} limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')}
    )
    select
      coalesce((select json_agg(json_build_object('light', light, 'n', n)) from (select ${tasks.light} as light, count(*)::int as n from tasks group by ${tasks.light}) c), '[]'::json) as counts,
      coalesce((select json_agg(json_build_object('t', ${jsonRowOf(tasks)}, 'leadUnitName', ${orgUnits.name}) order by page.n)
        from page join tasks on ${tasks.id} = page.id left join ${orgUnits} on ${orgUnits.id} = ${tasks.leadUnitId}), '[]'::json) as rows`;
}

/**
 * The HQ task list: filtered, sorted and paged on stored (indexed) columns, with lights never
 * recomputed here; the light counts cover the filtered set without its light filter, for the tabs.
 * The total comes from those counts (the light's count, or their sum), not from a third query:
 * each round trip costs more than the counting on a busy server.
 */
export async function listTasks(db: Executor, f: TaskFilter, sort: (typeof TASK_SORTS)[number], order: 'asc' | 'desc', page: number, perPage: number) {
  const present = FILTER_KEYS.filter((k) => f[k] !== undefined && f[k] !== '');
  const values: Record<string, unknown> = { limit: perPage, offset: (page - 1) * perPage, scope: [...f.scope] };
  for (const k of present) values[k] = k === 'status' ? f.status === 'done' : f[k];
  if (f.q) values.qLike = `%${escapeLike(f.q)}%`;
  const shape = `task_list:${present.join(',')}:${sort}:${order}`;
  const res = await prepareStatement(db, shape, () => listStatement(f, sort, order)).execute(values);
  const [result] = res.rows as { counts: { light: string; n: number }[]; rows: { t: Record<string, unknown>; leadUnitName: string | null }[] }[];
  const counts = result?.counts ?? [];
  const total = counts.reduce((sum, c) => sum + (!f.light || c.light === f.light ? c.n : 0), 0);
  return { rows: (result?.rows ?? []).map((r): TaskRow => ({ ...fromJsonRow(tasks, r.t), leadUnitName: r.leadUnitName })), total, counts };
}
