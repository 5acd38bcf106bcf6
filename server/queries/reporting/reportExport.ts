import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, projects, reports, targets, tasks } from '../../db/schema/index.js';
import type { ReportExportRow } from '../../models/reporting.js';
import { reportWhere, type ReportFilter } from './reports.js';

/**
 * Rows per page: each statement short enough not to hold the embedded database's one thread for
 * long, and a page few enough rows to die young. With 5,000 a page's rows were still alive at two
 * minor collections and V8 moved them (and, on a page's worth of evidence, every later row from
 * the same allocation sites) into the old generation: 250,000 reports grew the server by 150 MB
 * or more until a full collection; with 1,000 it stays within about 15 MB, no slower.
 */
export const REPORT_EXPORT_PAGE = 1_000;

const exportRow = {
  id: reports.id,
  itemType: reports.itemType,
  itemCode: sql<string | null>`coalesce(${tasks.code}, ${targets.code}, ${projects.code})`,
  itemTitle: sql<string | null>`coalesce(${tasks.title}, ${targets.name}, ${projects.name})`,
  unitName: orgUnits.name,
  period: reports.period,
  dueDate: reports.dueDate,
  status: reports.status,
  text: reports.text,
  percent: reports.percent,
  actual: reports.actual,
  investment: reports.investment,
  stage: reports.stage,
  late: reports.late,
  returnReason: reports.returnReason,
  submittedAt: reports.submittedAt,
  acceptedAt: reports.acceptedAt,
};

/** Reports with their item's code and title and their unit's name, as the exports write them. */
export const exportRows = (db: Executor) =>
  db
    .select(exportRow)
    .from(reports)
    .leftJoin(orgUnits, eq(orgUnits.id, reports.unitId))
    .leftJoin(tasks, and(eq(reports.itemType, 'task'), eq(tasks.id, reports.itemId)))
    .leftJoin(targets, and(eq(reports.itemType, 'target'), eq(targets.id, reports.itemId)))
    .leftJoin(projects, and(eq(reports.itemType, 'project'), eq(projects.id, reports.itemId)));

/**
 * Every report the actor may see that passes the list's filter, newest first as the list shows
 * them, a page at a time by keyset (created, id): each page is one statement whatever the number
 * of reports, and only a page is held in memory while the workbook is written.
 */
export async function* reportExportPages(db: Executor, actor: Actor | null, f: ReportFilter, pageSize = REPORT_EXPORT_PAGE): AsyncGenerator<ReportExportRow[]> {
  const where = reportWhere(db, actor, f);
  let after: string | null = null;
  for (;;) {
    // Compared inside the database, at its precision (microseconds), not as a rounded JavaScript Date.
    const before: SQL | undefined = after ? sql`(${reports.createdAt}, ${reports.id}) < (select r.created_at, r.id from reports r where r.id = ${after})` : undefined;
    const page = await exportRows(db)
      .where(and(where, before))
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}

/** How many rows `reportExportPages` will give: the export's progress bar's total. */
export async function reportExportCount(db: Executor, actor: Actor | null, f: ReportFilter): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(reportWhere(db, actor, f));
  return r?.n ?? 0;
}
