import Decimal from 'decimal.js';
import { idArray } from '../../db/bulk.js';
import { and, eq, sql } from 'drizzle-orm';
import { deadlineProblem, nextDue, type Recurrence } from '../../../domain/deadlines.js';
import { computeLight } from '../../../domain/lights.js';
import { rollUpParent } from '../../../domain/rollup.js';
import type { DeadlineKind } from '../../../domain/work.js';
import { now as clockNow } from '../../clock.js';
import type { Executor, Tx } from '../../db/client.js';
import { milestones, taskUnits, tasks } from '../../db/schema/index.js';
import { taskFacts } from '../../lights/facts.js';
import { awaitingClaims } from '../../lights/factQueries.js';
import type { LightEnv } from '../../lights/refresh.js';
import { ruleBroken } from './checks.js';

export interface DeadlineInput {
  deadlineKind: DeadlineKind;
  deadline: string | null;
  recurrence: Recurrence | null;
  startDate: string | null;
}

/**
 * The stored deadline columns of a task, checked as a whole (422 naming the field): an ongoing
 * task keeps no deadline, only a recurring one keeps its rule, and the next due date is computed
 * on the workday calendar.
 */
export function deadlineColumns(d: DeadlineInput, env: LightEnv) {
  const problem = deadlineProblem(d);
  if (problem) throw ruleBroken(problem.code === 'order' ? 'deadline_order' : 'deadline_required', problem.field);
  const clean: DeadlineInput = {
    deadlineKind: d.deadlineKind,
    startDate: d.startDate,
    deadline: d.deadlineKind === 'ongoing' ? null : d.deadline,
    recurrence: d.deadlineKind === 'recurring' ? d.recurrence : null,
  };
  return { deadline: clean.deadline, recurrence: clean.recurrence, nextDue: nextDue(clean, env.today, env.calendar) };
}

/** Lead and supporting units as wanted rows: the lead first, a unit never twice (422 when the lead also supports). */
export function wantedUnits(lead: string | null, supports: readonly string[]): Map<string, 'lead' | 'support'> {
  const out = new Map<string, 'lead' | 'support'>();
  if (lead) out.set(lead, 'lead');
  const i = supports.findIndex((s) => s === lead);
  if (i >= 0) throw ruleBroken('unit_twice', `supportUnitIds.${i}`);
  for (const s of supports) out.set(s, 'support');
  return out;
}

/**
 * Brings the task's units in line: new units are assigned now (unclaimed), units taken off lose
 * their claim and its milestones, units that stay keep their claim even when their role changes.
 */
export async function syncTaskUnits(tx: Tx, taskId: string, wanted: Map<string, 'lead' | 'support'>) {
  const existing = await tx.select().from(taskUnits).where(eq(taskUnits.taskId, taskId));
  for (const e of existing) {
    const role = wanted.get(e.unitId);
    if (!role) {
      await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.unitId, e.unitId)));
      await tx.delete(milestones).where(and(eq(milestones.taskId, taskId), eq(milestones.unitId, e.unitId)));
    } else if (role !== e.role) {
      await tx.update(taskUnits).set({ role }).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.unitId, e.unitId)));
    }
  }
  const have = new Set(existing.map((e) => e.unitId));
  const added = [...wanted].filter(([u]) => !have.has(u)).map(([unitId, role]) => ({ taskId, unitId, role }));
  if (added.length) await tx.insert(taskUnits).values(added);
}

/** Rows as one JSON parameter expanded by jsonb_to_recordset: one statement whatever their number. */
const recordset = (rows: readonly object[], columns: string) => sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(columns)})`;

/**
 * The midnight job's share for tasks: time passed, so each recurring task's next due date moves on
 * and its ancestors are rolled up as `rollUpTask` would (progress, done, last report), then the
 * lights of the moved tasks and their ancestors are refreshed — unless the caller recomputes every
 * light next (`lights: false`, the midnight job). A fixed number of statements whatever the number
 * of tasks (one task at a time took ~4 ms each). Dated and ongoing tasks do not move.
 */
export async function refreshRecurringDue(db: Executor, env: LightEnv, opts: { lights?: boolean } = {}): Promise<number> {
  const rows = await db
    .select({ id: tasks.id, deadline: tasks.deadline, recurrence: tasks.recurrence, startDate: tasks.startDate, nextDue: tasks.nextDue })
    .from(tasks)
    .where(and(eq(tasks.deadlineKind, 'recurring'), eq(tasks.done, false)));
  const moved = rows.flatMap((t) => {
    const due = nextDue({ deadlineKind: 'recurring', deadline: t.deadline, recurrence: t.recurrence as Recurrence | null, startDate: t.startDate }, env.today, env.calendar);
    return due === t.nextDue ? [] : [{ id: t.id, due }];
  });
  if (!moved.length) return 0;
  await db.execute(sql`update ${tasks} as t set next_due = v.due from ${recordset(moved, 'id uuid, due text')} where t.id = v.id`);
  const movedIds = moved.map((m) => m.id);
  const ancestors = await rollUpAncestors(db, movedIds);
  if (opts.lights !== false) await refreshTaskLights(db, [...new Set([...movedIds, ...ancestors])], env);
  return moved.length;
}

/**
 * `rollUpTask`'s walk for many tasks at once: every ancestor of the given tasks, deepest first, takes
 * its children's facts through the same `rollUpParent`, in the same order, so the same values. One
 * read (the ancestors and their children) and at most one write. Returns the ancestors' ids.
 */
async function rollUpAncestors(db: Executor, taskIds: readonly string[]): Promise<string[]> {
  const anc = sql`with recursive anc(id) as (
      select m.parent_id from ${tasks} m where m.id = any(${idArray(taskIds)}) and m.parent_id is not null
      union select p.parent_id from ${tasks} p join anc on p.id = anc.id where p.parent_id is not null)`;
  const rows = await db
    .select({ id: tasks.id, parentId: tasks.parentId, progress: tasks.progress, weight: tasks.weight, done: tasks.done, lastReportDate: tasks.lastReportDate })
    .from(tasks)
    .where(sql`${tasks.id} in (${anc} select id from anc union all select c.id from ${tasks} c where c.parent_id in (select id from anc))`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, typeof rows>();
  for (const r of rows) {
    if (!r.parentId) continue;
    if (!children.has(r.parentId)) children.set(r.parentId, []);
    children.get(r.parentId)!.push(r);
  }
  const ancestors = new Set<string>();
  for (const id of taskIds) {
    for (let p = byId.get(id)?.parentId; p && byId.has(p) && !ancestors.has(p); p = byId.get(p)!.parentId) ancestors.add(p);
  }
  const level = (id: string): number => {
    const p = byId.get(id)!.parentId;
    return p && ancestors.has(p) ? level(p) + 1 : 0;
  };
  const changed: { id: string; progress: string; done: boolean; last_report_date: string | null }[] = [];
  for (const id of [...ancestors].sort((a, b) => level(b) - level(a))) {
    const own = byId.get(id)!;
    const { progress, done, lastReportDate } = rollUpParent(own.lastReportDate, children.get(id) ?? []);
    if (new Decimal(own.progress).eq(progress) && own.done === done && own.lastReportDate === lastReportDate) continue;
    Object.assign(own, { progress, done, lastReportDate });
    changed.push({ id, progress, done, last_report_date: lastReportDate });
  }
  if (changed.length) {
    await db.execute(
      sql`update ${tasks} as t set progress = v.progress, done = v.done, last_report_date = v.last_report_date
          from ${recordset(changed, 'id uuid, progress numeric, done boolean, last_report_date text')} where t.id = v.id`,
    );
  }
  return [...ancestors];
}

/** `refreshTaskLight` for many tasks: two reads and one write whatever their number. */
async function refreshTaskLights(db: Executor, ids: readonly string[], env: LightEnv): Promise<void> {
  const rows = await db.select().from(tasks).where(sql`${tasks.id} = any(${idArray(ids)})`);
  const ms = new Map<string, (typeof milestones.$inferSelect)[]>();
  for (const m of await db.select().from(milestones).where(sql`${milestones.taskId} = any(${idArray(ids)})`)) {
    if (!ms.has(m.taskId)) ms.set(m.taskId, []);
    ms.get(m.taskId)!.push(m);
  }
  const claims = await awaitingClaims(db, ids);
  const lights = rows.map((t) => {
    const r = computeLight(taskFacts(t, ms.get(t.id) ?? [], env.today, claims.get(t.id) ?? null), env.calendar, env.thresholds);
    return { id: t.id, light: r.light, reasons: r.reasons };
  });
  await db.execute(sql`update ${tasks} as t set light = v.light, light_reasons = v.reasons, light_at = ${clockNow()} from ${recordset(lights, 'id uuid, light text, reasons jsonb')} where t.id = v.id`);
}
