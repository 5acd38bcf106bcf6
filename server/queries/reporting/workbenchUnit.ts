import { and, asc, desc, eq, not, sql, type SQL } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Light, LightReason } from '../../../domain/lights.js';
import type { ItemType } from '../../../domain/work.js';
import { openPeriodOf, projectLists, shareLists, workbenchDay } from '../../../domain/workbenchRules.js';
import { claimDeadline } from '../../../domain/claims.js';
import type { Executor } from '../../db/client.js';
import { fromJsonRow, jsonRowOf, jsonRows, named } from '../../db/jsonRows.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { orgUnits, projects, reports, targets, taskUnits, tasks } from '../../db/schema/index.js';
import type { LineItem, UnitWorkbench } from '../../models/reporting.js';
import { currentCalendar } from '../calendar.js';
import { itemInfoFromJson, itemInfoJson, itemKey, type ItemInfo, type ItemJson } from './items.js';
import type { ReportRow } from './reports.js';
import { now as clockNow } from '../../clock.js';

/** Lists hold this many lines; counts hold the totals. */
export const WORKBENCH_LINES = 50;

const total = sql<number>`(count(*) over())::int`;
/** `domain/deadlines.ts taskDueDate` in SQL, to order the shares by it in the query. */
export const taskDue = sql<string | null>`case ${tasks.deadlineKind} when 'date' then ${tasks.deadline} when 'recurring' then ${tasks.nextDue} end`;
const taskCols = { id: tasks.id, code: tasks.code, title: tasks.title, light: tasks.light, lightReasons: tasks.lightReasons, due: taskDue, reportPeriod: tasks.reportPeriod };

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

/** The first lines of an ordered list, and its length for the count. */
const firstLines = <T>(rows: T[]) => ({ rows: rows.slice(0, WORKBENCH_LINES), total: rows.length });

/**
 * The page's one statement, built once per database and prepared (its SQL text took longer to build
 * than to run: drizzle composes it anew on every call): the unit and the open periods are its
 * placeholders, so one plan serves every unit and day.
 */
const unitWorkbenchPage = preparedPerDatabase((db) => {
  const unitId = sql.placeholder('unitId');
  // openPeriodOf in SQL, so that the "reported" flag is read with the rows.
  const periodOfKind = (col: SQL | PgColumn) =>
    sql`case ${col} when 'weekly' then ${sql.placeholder('weekly')}::text when 'quarterly' then ${sql.placeholder('quarterly')}::text else ${sql.placeholder('monthly')}::text end`;
  const reported = (type: string, id: PgColumn, period: SQL) =>
    sql<boolean>`exists (${db
      .select({ one: sql`1` })
      .from(reports)
      .where(and(eq(reports.itemType, type), eq(reports.itemId, id), eq(reports.unitId, unitId), eq(reports.period, period)))})`;
  const sharesQuery = db
    .select(
      named({
        ...taskCols,
        done: tasks.done,
        startDate: tasks.startDate,
        role: taskUnits.role,
        claimStatus: taskUnits.claimStatus,
        returnReason: taskUnits.returnReason,
        assignedAt: taskUnits.assignedAt,
        reported: reported('task', tasks.id, periodOfKind(tasks.reportPeriod)),
      }),
    )
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(eq(taskUnits.unitId, unitId))
    .orderBy(sql`${taskDue} asc nulls last`, asc(tasks.code));
  const targetsQuery = db
    .select(named({ id: targets.id, code: targets.code, name: targets.name, light: targets.light, lightReasons: targets.lightReasons, due: sql<string | null>`null`, reportPeriod: targets.period, total }))
    .from(targets)
    .where(and(eq(targets.dataUnitId, unitId), not(reported('target', targets.id, periodOfKind(targets.period)))))
    .orderBy(asc(targets.code))
    .limit(WORKBENCH_LINES);
  const projectsQuery = db
    .select(
      named({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        light: projects.light,
        lightReasons: projects.lightReasons,
        due: sql<string | null>`null`,
        stage: projects.stage,
        reported: reported('project', projects.id, sql`${sql.placeholder('monthly')}::text`),
      }),
    )
    .from(projects)
    .where(eq(projects.responsibleUnitId, unitId))
    .orderBy(asc(projects.code));
  const returnedQuery = db
    .select(named({ report: jsonRowOf(reports), item: itemInfoJson(reports.itemType, reports.itemId), total }))
    .from(reports)
    // A join makes drizzle name each column with its table, which the item's subqueries need.
    .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
    .where(and(eq(reports.unitId, unitId), eq(reports.status, 'returned')))
    .orderBy(desc(reports.returnedAt))
    .limit(WORKBENCH_LINES);
  // Every list in one query, each as one JSON value (see jsonRows): the page is one round trip.
  return db
    .select({
      unitName: orgUnits.name,
      shares: jsonRows<
        Row & { done: boolean; startDate: string | null; role: string; claimStatus: string; returnReason: string | null; assignedAt: string; reported: boolean; reportPeriod: string }
      >(sharesQuery),
      targetReports: jsonRows<Row & { reportPeriod: string }>(targetsQuery),
      unitProjects: jsonRows<Row & { stage: string; reported: boolean }>(projectsQuery),
      returned: jsonRows<{ report: Record<string, unknown>; item: ItemJson | null; total: number }>(returnedQuery),
    })
    .from(orgUnits)
    .where(eq(orgUnits.id, unitId))
    .prepare('unit_workbench');
});

/**
 * A unit's "my work", from stored columns and indexes only: tasks to claim, items whose open
 * period has no report from the unit yet, reports returned to it, tasks due within five workdays,
 * and overdue tasks and projects, with the unit's name. A unit holds tens (at most a few hundred)
 * task shares and projects, so each kind is read once — every share with its "reported for the open period" flag —
 * in one query (each query costs a round trip and a plan, and the embedded database runs them one
 * after the other), and `domain/workbenchRules.ts` puts each on its lists. What the SQL decides
 * itself (the due date, the open period's report, a target left to report) mirrors that module's
 * functions; `workbenchRules.agreement.test.ts` holds the two together.
 */
export async function unitWorkbench(db: Executor, unitId: string, now = clockNow()): Promise<UnitWorkbench> {
  const today = shanghaiDate(now);
  const calendar = await currentCalendar(db);
  const day = workbenchDay(today, calendar);
  const { open } = day;
  const [page] = await unitWorkbenchPage(db).execute({ unitId, weekly: open.weekly.period, quarterly: open.quarterly.period, monthly: open.monthly.period });
  const { shares, targetReports, unitProjects, returned } = page ?? { shares: [], targetReports: [], unitProjects: [], returned: [] };
  const returnedRows: ReportRow[] = [];
  const returnedItems = new Map<string, ItemInfo>();
  for (const r of returned) {
    const row = fromJsonRow(reports, r.report);
    returnedRows.push(row);
    const info = itemInfoFromJson(row.itemType as ItemType, row.itemId, r.item);
    if (info) returnedItems.set(itemKey(info.itemType, info.itemId), info);
  }

  const placed = shares.map((t) => ({ ...t, on: shareLists(t, day) }));
  const projectsPlaced = unitProjects.map((p) => ({ ...p, on: projectLists(p) }));
  // The claim deadline the HQ desk chases the unit for (domain/claims.ts), oldest first, so the unit reads the same date.
  const claimDue = (t: (typeof shares)[number]) => claimDeadline(calendar, shanghaiDate(new Date(t.assignedAt)), today);
  const toClaim = firstLines(
    placed
      .filter((t) => t.on.toClaim)
      // Only a claim never made has a deadline (the HQ desk chases those); a returned one shows its reason.
      .map((t) => ({ ...t, claim: t.claimStatus === 'unclaimed' ? claimDue(t) : null }))
      .sort((a, b) => (a.claim?.due ?? '').localeCompare(b.claim?.due ?? '') || a.code.localeCompare(b.code)),
  );
  const claimsToApprove = firstLines(placed.filter((t) => t.on.claimToApprove));
  const taskReports = firstLines(placed.filter((t) => t.on.toReport));
  const dueSoon = firstLines(placed.filter((t) => t.on.dueSoon));
  const overdueTasks = firstLines(placed.filter((t) => t.on.overdue));
  const projectReports = firstLines(projectsPlaced.filter((p) => p.on.toReport));
  const overdueProjects = firstLines(projectsPlaced.filter((p) => p.on.overdue));
  const asRow = <T extends object>(r: T) => ({ ...r, total: 0 });

  const toReport = [
    ...taskReports.rows.map((r) => ({ item: line('task', asRow(r)), ...openPeriodOf(day, r.reportPeriod) })),
    ...targetReports.map((r) => ({ item: line('target', r), ...openPeriodOf(day, r.reportPeriod) })),
    ...projectReports.rows.map((r) => ({ item: line('project', asRow(r)), ...open.monthly })),
  ]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.item.code.localeCompare(b.item.code))
    .slice(0, WORKBENCH_LINES);
  const overdue = [...overdueTasks.rows.map((r) => line('task', asRow(r))), ...overdueProjects.rows.map((r) => line('project', asRow(r)))].slice(0, WORKBENCH_LINES);

  return {
    unitName: page?.unitName ?? null,
    returnedItems,
    toClaim: toClaim.rows.map((r) => ({ item: line('task', asRow(r)), role: r.role, claimStatus: r.claimStatus, returnReason: r.returnReason, claim: r.claim })),
    claimsToApprove: claimsToApprove.rows.map((r) => ({ item: line('task', asRow(r)), role: r.role, claimStatus: r.claimStatus, returnReason: r.returnReason, claim: null })),
    toReport,
    returned: returnedRows,
    dueSoon: dueSoon.rows.map((r) => line('task', asRow(r))),
    overdue,
    counts: {
      toClaim: toClaim.total,
      claimsToApprove: claimsToApprove.total,
      toReport: taskReports.total + totalOf(targetReports) + projectReports.total,
      returned: totalOf(returned),
      dueSoon: dueSoon.total,
      overdue: overdueTasks.total + overdueProjects.total,
    },
  };
}
