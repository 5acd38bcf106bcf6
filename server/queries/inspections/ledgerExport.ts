import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { inspections, ledgerEntries, ledgerItems, orgUnits, projects, regions, targets, tasks } from '../../db/schema/index.js';
import type { LedgerExportRow } from '../../models/inspections.js';
import { ledgerWhere, type LedgerFilter } from './ledger.js';
import { inspectionScope } from './scope.js';

/** Rows per statement: big enough that 20,000 entries are four round trips, small enough not to hold the embedded database's one thread for long. */
export const EXPORT_PAGE = 5_000;

/**
 * The titles of an entry's items (by code point, `collate "C"`, so both databases agree whatever
 * their locale), gathered inside the entry's own statement (a correlated
 * subquery) so an export of any size reads no second query per page, let alone one per entry.
 */
const itemTitles = sql<string[]>`coalesce((
  select array_agg(coalesce(${tasks.title}, ${targets.name}, ${projects.name}) order by coalesce(${tasks.title}, ${targets.name}, ${projects.name}) collate "C")
  from ${ledgerItems}
  left join ${tasks} on ${ledgerItems.itemType} = 'task' and ${tasks.id} = ${ledgerItems.itemId}
  left join ${targets} on ${ledgerItems.itemType} = 'target' and ${targets.id} = ${ledgerItems.itemId}
  left join ${projects} on ${ledgerItems.itemType} = 'project' and ${projects.id} = ${ledgerItems.itemId}
  where ${ledgerItems.entryId} = ${ledgerEntries.id}
), '{}')`;

const exportRow = {
  id: ledgerEntries.id,
  inspectionTitle: inspections.title,
  unitName: orgUnits.name,
  itemTitles,
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
 * time by keyset (created, id), so each page is one statement whatever the ledger's size.
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
    const rows: LedgerExportRow[] = await db
      .select(exportRow)
      .from(ledgerEntries)
      .leftJoin(orgUnits, eq(orgUnits.id, ledgerEntries.unitId))
      .leftJoin(inspections, eq(inspections.id, ledgerEntries.inspectionId))
      .where(and(where, from))
      .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
      .limit(pageSize);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** What the title and the filter line name: the district (the first top-level region) and the filtered campaign and unit, if the reader may see them. */
export async function ledgerExportNames(db: Executor, actor: Actor | null, f: LedgerFilter): Promise<{ district: string | null; campaign: string | null; unit: string | null }> {
  const [district, campaign, unit] = await Promise.all([
    db.select({ name: regions.name }).from(regions).where(sql`${regions.parentId} is null`).orderBy(asc(regions.createdAt), asc(regions.id)).limit(1),
    f.campaign ? db.select({ name: inspections.title }).from(inspections).where(and(eq(inspections.id, f.campaign), inspectionScope(actor))) : [],
    f.unit ? db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, f.unit)) : [],
  ]);
  return { district: district[0]?.name ?? null, campaign: campaign[0]?.name ?? null, unit: unit[0]?.name ?? null };
}
