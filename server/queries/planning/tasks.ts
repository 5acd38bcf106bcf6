import { and, asc, desc, eq, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Light } from '../../../domain/lights.js';
import type { TASK_SORTS } from '../../../domain/schemas/task.js';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { fromJsonRow, jsonRowOf } from '../../db/jsonRows.js';
import { orgUnits, plans, tasks, taskUnits } from '../../db/schema/index.js';
import { lightRank } from './lights.js';
import type { TaskRow } from '../../models/planning.js';

export interface TaskFilter {
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

export function taskConditions(f: TaskFilter, withLight: boolean): SQL | undefined {
  const conds: SQL[] = [];
  if (f.plan) conds.push(eq(tasks.planId, f.plan));
  if (f.taskForce) conds.push(sql`${tasks.planId} in (select ${plans.id} from ${plans} where ${plans.taskForceId} = ${f.taskForce})`);
  if (f.area) conds.push(eq(tasks.areaId, f.area));
  if (f.parent) conds.push(eq(tasks.parentId, f.parent));
  if (f.unit) conds.push(sql`exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${taskUnits.unitId} = ${f.unit})`);
  if (f.dueBefore) conds.push(lte(tasks.nextDue, f.dueBefore));
  if (f.status) conds.push(eq(tasks.done, f.status === 'done'));
  if (withLight && f.light) conds.push(eq(tasks.light, f.light));
  if (f.q) conds.push(or(ilike(tasks.title, `%${escapeLike(f.q)}%`), ilike(tasks.code, `%${escapeLike(f.q)}%`))!);
  return conds.length ? and(...conds) : undefined;
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

/**
 * The HQ task list: filtered, sorted and paged on stored (indexed) columns, with lights never
 * recomputed here; the light counts cover the filtered set without its light filter, for the tabs.
 * The total comes from those counts (the light's count, or their sum), not from a third query:
 * each round trip costs more than the counting on a busy server.
 */
export async function listTasks(db: Executor, f: TaskFilter, sort: (typeof TASK_SORTS)[number], order: 'asc' | 'desc', page: number, perPage: number) {
  const orderBy = sql.join(ordering(sort, order), sql`, `);
  const lightOnly = f.light ? eq(tasks.light, f.light) : sql`true`;
  // One statement: the filter runs once (a text search scans every task), its matches are counted
  // by light for the tabs, and only the page's rows become one JSON value each (jsonRowOf) — the
  // embedded database hands results to JavaScript field by field and runs queries one after the
  // other, so one round trip with two fields beats two with 50 × 25. Inside, `matched` is named
  // "tasks" so the filter, sort and JSON expressions read the same columns.
  const res = (await db.execute(sql`
    with tasks as materialized (select * from ${tasks} where ${taskConditions(f, false) ?? sql`true`}),
    page as (
      select ${tasks.id} as id, row_number() over (order by ${orderBy}) as n from tasks where ${lightOnly}
      order by ${orderBy} limit ${perPage} offset ${(page - 1) * perPage}
    )
    select
      coalesce((select json_agg(json_build_object('light', light, 'n', n)) from (select ${tasks.light} as light, count(*)::int as n from tasks group by ${tasks.light}) c), '[]'::json) as counts,
      coalesce((select json_agg(json_build_object('t', ${jsonRowOf(tasks)}, 'leadUnitName', ${orgUnits.name}) order by page.n)
        from page join tasks on ${tasks.id} = page.id left join ${orgUnits} on ${orgUnits.id} = ${tasks.leadUnitId}), '[]'::json) as rows`)) as unknown as {
    rows: { counts: { light: string; n: number }[]; rows: { t: Record<string, unknown>; leadUnitName: string | null }[] }[];
  };
  const [result] = res.rows;
  const counts = result?.counts ?? [];
  const total = counts.reduce((sum, c) => sum + (!f.light || c.light === f.light ? c.n : 0), 0);
  return { rows: (result?.rows ?? []).map((r): TaskRow => ({ ...fromJsonRow(tasks, r.t), leadUnitName: r.leadUnitName })), total, counts };
}
