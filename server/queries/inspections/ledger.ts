import { and, desc, eq, inArray, lt, not, sql, type SQL } from 'drizzle-orm';
import { RECTIFICATION_OWED, type KeyLink, type LedgerStatus } from '../../../domain/ledger.js';
import { itemKey } from '../../../domain/work.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { evidence, inspections, ledgerEntries, ledgerEvidence, ledgerItems, orgUnits } from '../../db/schema/index.js';
import type { LedgerView } from '../../models/inspections.js';
import { loadItems } from '../reporting/items.js';
import { ledgerScope } from './scope.js';

export interface LedgerFilter {
  campaign?: string | undefined;
  unit?: string | undefined;
  link?: KeyLink | undefined;
  status?: LedgerStatus | undefined;
  /** true: late rectifications only; false: none of them. */
  overdue?: boolean | undefined;
}

/** The SQL twin of domain/ledger.ts ledgerOverdue: still owed and the deadline day has passed. */
function overdueSql(today: string): SQL {
  return and(inArray(ledgerEntries.status, [...RECTIFICATION_OWED]), lt(ledgerEntries.deadline, today))!;
}

const entryRow = { entry: ledgerEntries, unitName: orgUnits.name, inspectionTitle: inspections.title };

function joined(db: Executor) {
  return db.select(entryRow).from(ledgerEntries).leftJoin(orgUnits, eq(orgUnits.id, ledgerEntries.unitId)).leftJoin(inspections, eq(inspections.id, ledgerEntries.inspectionId));
}

type Joined = Omit<LedgerView, 'items' | 'evidence'>;

/** The items and evidence of a page of entries, with the items' titles (four queries at most). */
async function withDetails(db: Executor, rows: Joined[]): Promise<LedgerView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.entry.id);
  const links = await db.select().from(ledgerItems).where(inArray(ledgerItems.entryId, ids));
  const files = await db
    .select({ entryId: ledgerEvidence.entryId, sha256: ledgerEvidence.sha256, name: ledgerEvidence.name, size: evidence.size, mime: evidence.mime })
    .from(ledgerEvidence)
    .innerJoin(evidence, eq(evidence.sha256, ledgerEvidence.sha256))
    .where(inArray(ledgerEvidence.entryId, ids));
  const info = await loadItems(db, links);
  return rows.map((r) => ({
    ...r,
    items: links.filter((l) => l.entryId === r.entry.id).map((l) => ({ itemType: l.itemType, itemId: l.itemId, title: info.get(itemKey(l.itemType, l.itemId))?.title ?? null })),
    evidence: files.filter((f) => f.entryId === r.entry.id).map(({ sha256, name, size, mime }) => ({ sha256, name, size, mime })),
  }));
}

/** The entries the actor may see that pass the filter: the list and the export select the same rows. */
export function ledgerWhere(db: Executor, actor: Actor | null, f: LedgerFilter, today: string): SQL | undefined {
  const conds: (SQL | undefined)[] = [ledgerScope(db, actor)];
  if (f.campaign) conds.push(eq(ledgerEntries.inspectionId, f.campaign));
  if (f.unit) conds.push(eq(ledgerEntries.unitId, f.unit));
  if (f.link) conds.push(eq(ledgerEntries.keyLink, f.link));
  if (f.status) conds.push(eq(ledgerEntries.status, f.status));
  if (f.overdue !== undefined) conds.push(f.overdue ? overdueSql(today) : not(overdueSql(today)));
  return and(...conds);
}

/** Ledger entries the actor may see, filtered, newest first, one page. */
export async function listLedger(db: Executor, actor: Actor | null, f: LedgerFilter, today: string, page: number, perPage: number): Promise<{ rows: LedgerView[]; total: number }> {
  const where = ledgerWhere(db, actor, f, today);
  const [rows, [count]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries).where(where),
  ]);
  return { rows: await withDetails(db, rows), total: count?.n ?? 0 };
}

/** One entry if the actor may see it. */
export async function findVisibleLedgerEntry(db: Executor, actor: Actor | null, id: string): Promise<LedgerView | undefined> {
  const rows = await joined(db).where(and(eq(ledgerEntries.id, id), ledgerScope(db, actor)));
  return (await withDetails(db, rows))[0];
}
