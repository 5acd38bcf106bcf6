import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { inspections, ledgerEntries, ledgerItems, orgUnits, projects, targets, tasks } from '../../db/schema/index.js';
import type { LedgerExportRow } from '../../models/inspections.js';
import { ledgerWhere, type LedgerFilter } from './ledger.js';
import { inspectionScope } from './scope.js';
import { readerRegionName } from '../org.js';

/** Rows per page: big enough that 20,000 entries are four pages, small enough not to hold the embedded database's one thread for long. */
export const EXPORT_PAGE = 5_000;

const title = sql<string>`coalesce(${tasks.title}, ${targets.name}, ${projects.name})`;

/**
 * The titles of a page's items, by entry (by code point, `collate "C"`, so both databases agree
 * whatever their locale): one statement per page. Asked in the page's own statement (a correlated
 * subquery), PostgreSQL priced it high enough to compile it with JIT, half a second per page.
 */
async function itemTitlesOf(db: Executor, entryIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ entryId: ledgerItems.entryId, title })
    .from(ledgerItems)
    .leftJoin(tasks, and(eq(ledgerItems.itemType, 'task'), eq(tasks.id, ledgerItems.itemId)))
    .leftJoin(targets, and(eq(ledgerItems.itemType, 'target'), eq(targets.id, ledgerItems.itemId)))
    .leftJoin(projects, and(eq(ledgerItems.itemType, 'project'), eq(projects.id, ledgerItems.itemId)))
    .where(inArray(ledgerItems.entryId, entryIds))
    .orderBy(ledgerItems.entryId, sql`${title} collate "C"`);
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.title !== null) out.set(r.entryId, [...(out.get(r.entryId) ?? []), r.title]);
  return out;
}

const exportRow = {
  id: ledgerEntries.id,
  inspectionTitle: inspections.title,
  unitName: orgUnits.name,
  keyLink: ledgerEntries.keyLink,
  finding: ledgerEntries.finding,
  requirement: ledgerEntries.requirement,
  deadline: ledgerEntries.deadline,
  measures: ledgerEntries.measures,
  status: ledgerEntries.status,
  verdict: ledgerEntries.verdict,
  verifyComment: ledgerEntries.verifyComment,
  reopenCount: ledgerEntries.reopenCount,
};

/**
 * Every entry the actor may see that passes the filter (the list's own condition), in the order
 * they were recorded — a ledger's 序号 follow its entries' order —, a page of EXPORT_PAGE at a
 * time by keyset (created, id), so each page is two statements (its rows, their items' titles) whatever the ledger's size.
 */
export async function* ledgerExportPages(db: Executor, actor: Actor | null, f: LedgerFilter, today: string, pageSize = EXPORT_PAGE): AsyncGenerator<LedgerExportRow[]> {
  const where = ledgerWhere(db, actor, f, today);
  let after: string | null = null;
  for (;;) {
    // The cursor is the last row's id: its stamp is compared inside the database, at the
    // database's precision (microseconds), which a JavaScript Date would round to milliseconds.
    const from: SQL | undefined = after
      ? sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) > (select l.created_at, l.id from ledger_entries l where l.id = ${after})`
      : undefined;
    const rows = await db
      .select(exportRow)
      .from(ledgerEntries)
      .leftJoin(orgUnits, eq(orgUnits.id, ledgerEntries.unitId))
      .leftJoin(inspections, eq(inspections.id, ledgerEntries.inspectionId))
      .where(and(where, from))
      .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
      .limit(pageSize);
    if (rows.length) {
      const titles = await itemTitlesOf(db, rows.map((r) => r.id));
      yield rows.map((r): LedgerExportRow => ({ ...r, itemTitles: titles.get(r.id) ?? [] }));
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** How many entries `ledgerExportPages` will give: the export's progress bar's total. */
export async function ledgerExportCount(db: Executor, actor: Actor | null, f: LedgerFilter, today: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries).where(ledgerWhere(db, actor, f, today));
  return r?.n ?? 0;
}

/** What the title and the filter line name: the reader's region and the filtered campaign and unit, if the reader may see them. */
export async function ledgerExportNames(db: Executor, actor: Actor | null, f: LedgerFilter): Promise<{ district: string | null; campaign: string | null; unit: string | null }> {
  const [district, campaign, unit] = await Promise.all([
    readerRegionName(db, actor),
    f.campaign ? db.select({ name: inspections.title }).from(inspections).where(and(eq(inspections.id, f.campaign), inspectionScope(actor))) : [],
    f.unit ? db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, f.unit)) : [],
  ]);
  return { district, campaign: campaign[0]?.name ?? null, unit: unit[0]?.name ?? null };
}
