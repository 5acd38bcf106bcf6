import { and, asc, desc, eq, gte, inArray, lt, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Light, LightReason } from '../../../domain/lights.js';
import type { PeriodKind } from '../../../domain/periods.js';
import { openPeriod } from '../../../domain/reportPeriod.js';
import type { Executor } from '../../db/client.js';
import { projects, reports, targets, taskUnits, tasks } from '../../db/schema/index.js';
import type { LineItem } from '../../presenters/reporting/light.js';
import { loadCalendar } from '../calendar.js';

/** Lists hold this many lines; counts hold the totals. */
export const WORKBENCH_LINES = 50;

const total = sql<number>`(count(*) over())::int`;
/** A task's date that matters: its deadline, or for a recurring task the next due date. */
export const taskDue = sql<string | null>`case ${tasks.deadlineKind} when 'date' then ${tasks.deadline} when 'recurring' then ${tasks.nextDue} end`;
const taskCols = { id: tasks.id, code: tasks.code, title: tasks.title, light: tasks.light, lightReasons: tasks.lightReasons, due: taskDue, reportPeriod: tasks.reportPeriod, total };
const redFor = (col: typeof tasks.lightReasons | typeof projects.lightReasons, code: string) => sql`${col} @> ${JSON.stringify([{ code }])}::jsonb`;

type Row = { id: string; code: string; title?: string; name?: string; light: string; lightReasons: unknown; due: string | null; total: number };
const line = (itemType: LineItem['itemType'], r: Row): LineItem => ({
  itemType,
  itemId: r.id,
  code: r.code,
  title: r.title ?? r.name ?? '',
  light: r.light as Light,
  lightReasons: r.lightReasons as LightReason[],
  due: r.due,
});
const totalOf = (rows: { total: number }[]) => rows[0]?.total ?? 0;

/**
 * A unit's "my work", from stored columns and indexes only: tasks to claim, items whose open
 * period has no report from the unit yet, reports returned to it, tasks due within five workdays,
 * and overdue tasks and projects.
 */
export async function unitWorkbench(db: Executor, unitId: string, now = new Date()) {
  const today = shanghaiDate(now);
  const calendar = await loadCalendar(db);
  const soon = calendar.addWorkdays(today, 5);
  const open = Object.fromEntries((['weekly', 'monthly', 'quarterly'] as PeriodKind[]).map((k) => [k, openPeriod(k, today, calendar)])) as Record<
    PeriodKind,
    { period: string; dueDate: string }
  >;
  const periodOfKind = (col: SQL | PgColumn) =>
    sql`case ${col} when 'weekly' then ${open.weekly.period} when 'quarterly' then ${open.quarterly.period} else ${open.monthly.period} end`;
  const unreported = (type: string, id: PgColumn, period: SQL) =>
    notExists(
      db
        .select({ one: sql`1` })
        .from(reports)
        .where(and(eq(reports.itemType, type), eq(reports.itemId, id), eq(reports.unitId, unitId), eq(reports.period, period))),
    );
  const mine = (cond: SQL | undefined) =>
    db
      .select({ ...taskCols, role: taskUnits.role, claimStatus: taskUnits.claimStatus, returnReason: taskUnits.returnReason })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(and(eq(taskUnits.unitId, unitId), cond))
      .orderBy(sql`${taskDue} asc nulls last`, asc(tasks.code))
      .limit(WORKBENCH_LINES);
  const projectCols = { id: projects.id, code: projects.code, name: projects.name, light: projects.light, lightReasons: projects.lightReasons, due: sql<string | null>`null`, total };

  const [toClaim, taskReports, targetReports, projectReports, returned, dueSoon, overdueTasks, overdueProjects] = await Promise.all([
    mine(inArray(taskUnits.claimStatus, ['unclaimed', 'returned'])),
    mine(
      and(
        inArray(taskUnits.claimStatus, ['submitted', 'approved']),
        eq(tasks.done, false),
        or(sql`${tasks.startDate} is null`, lte(tasks.startDate, today)),
        unreported('task', tasks.id, periodOfKind(tasks.reportPeriod)),
      ),
    ),
    db
      .select({ id: targets.id, code: targets.code, name: targets.name, light: targets.light, lightReasons: targets.lightReasons, due: sql<string | null>`null`, reportPeriod: targets.period, total })
      .from(targets)
      .where(and(eq(targets.dataUnitId, unitId), unreported('target', targets.id, periodOfKind(targets.period))))
      .orderBy(asc(targets.code))
      .limit(WORKBENCH_LINES),
    db
      .select(projectCols)
      .from(projects)
      .where(and(eq(projects.responsibleUnitId, unitId), ne(projects.stage, 'operating'), unreported('project', projects.id, sql`${open.monthly.period}`)))
      .orderBy(asc(projects.code))
      .limit(WORKBENCH_LINES),
    db
      .select({ report: reports, total })
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.status, 'returned')))
      .orderBy(desc(reports.returnedAt))
      .limit(WORKBENCH_LINES),
    mine(and(eq(tasks.done, false), gte(taskDue, today), lte(taskDue, soon))),
    mine(and(eq(tasks.done, false), or(lt(taskDue, today), and(eq(tasks.light, 'red'), or(redFor(tasks.lightReasons, 'overdue'), redFor(tasks.lightReasons, 'milestone_overdue')))))),
    db
      .select(projectCols)
      .from(projects)
      .where(and(eq(projects.responsibleUnitId, unitId), eq(projects.light, 'red'), redFor(projects.lightReasons, 'milestone_overdue')))
      .orderBy(asc(projects.code))
      .limit(WORKBENCH_LINES),
  ]);

  const toReport = [
    ...taskReports.map((r) => ({ item: line('task', r), ...open[r.reportPeriod as PeriodKind] })),
    ...targetReports.map((r) => ({ item: line('target', r), ...open[r.reportPeriod as PeriodKind] })),
    ...projectReports.map((r) => ({ item: line('project', r), ...open.monthly })),
  ]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.item.code.localeCompare(b.item.code))
    .slice(0, WORKBENCH_LINES);
  const overdue = [...overdueTasks.map((r) => line('task', r)), ...overdueProjects.map((r) => line('project', r))].slice(0, WORKBENCH_LINES);

  return {
    toClaim: toClaim.map((r) => ({ item: line('task', r), role: r.role, claimStatus: r.claimStatus, returnReason: r.returnReason })),
    toReport,
    returned: returned.map((r) => r.report),
    dueSoon: dueSoon.map((r) => line('task', r)),
    overdue,
    counts: {
      toClaim: totalOf(toClaim),
      toReport: totalOf(taskReports) + totalOf(targetReports) + totalOf(projectReports),
      returned: totalOf(returned),
      dueSoon: totalOf(dueSoon),
      overdue: totalOf(overdueTasks) + totalOf(overdueProjects),
    },
  };
}
