import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CaseCategory, CaseSource, CaseStatus } from '../../../domain/oversight.js';
import type { Actor } from '../../context.js';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { blockers, ledgerEntries, orgUnits, oversightCaseNotes, oversightCases, projects, targets, tasks, users } from '../../db/schema/index.js';
import type { CaseRow, CaseView } from '../../models/oversight.js';
import { caseScope } from './scope.js';

export interface CaseFilter {
  status?: CaseStatus | undefined;
  category?: CaseCategory | undefined;
  source?: CaseSource | undefined;
  /** Words in the title or summary. */
  q?: string | undefined;
}

const ITEM_SOURCES: readonly string[] = ['red_light', 'overdue'];

/** The names of the cases' sources: an item's code and title, a blocker's title, a ledger finding cut short. One query per kind. */
async function sourceTitles(db: Executor, rows: readonly CaseRow[]): Promise<Map<string, string>> {
  const ids = (pick: (r: CaseRow) => boolean) => [...new Set(rows.filter((r) => r.sourceId && pick(r)).map((r) => r.sourceId!))];
  const itemIds = ids((r) => ITEM_SOURCES.includes(r.sourceKind));
  const blockerIds = ids((r) => r.sourceKind === 'blocker');
  const ledgerIds = ids((r) => r.sourceKind === 'ledger');
  const out = new Map<string, string>();
  const named = (list: { id: string; name: string }[]) => list.forEach((x) => out.set(x.id, x.name));
  // One after the other: inside a transaction the queries share one connection.
  if (itemIds.length) {
    named(await db.select({ id: tasks.id, name: sql<string>`${tasks.code} || ' ' || ${tasks.title}` }).from(tasks).where(inArray(tasks.id, itemIds)));
    named(await db.select({ id: targets.id, name: sql<string>`${targets.code} || ' ' || ${targets.name}` }).from(targets).where(inArray(targets.id, itemIds)));
    named(await db.select({ id: projects.id, name: sql<string>`${projects.code} || ' ' || ${projects.name}` }).from(projects).where(inArray(projects.id, itemIds)));
  }
  if (blockerIds.length) named(await db.select({ id: blockers.id, name: blockers.title }).from(blockers).where(inArray(blockers.id, blockerIds)));
  if (ledgerIds.length) named(await db.select({ id: ledgerEntries.id, name: sql<string>`left(${ledgerEntries.finding}, 60)` }).from(ledgerEntries).where(inArray(ledgerEntries.id, ledgerIds)));
  return out;
}

function joined(db: Executor) {
  return db.select({ row: oversightCases, unitName: orgUnits.name }).from(oversightCases).leftJoin(orgUnits, eq(orgUnits.id, oversightCases.unitId));
}

async function withDetails(db: Executor, rows: { row: CaseRow; unitName: string | null }[], notes: boolean): Promise<CaseView[]> {
  if (!rows.length) return [];
  const titles = await sourceTitles(
    db,
    rows.map((r) => r.row),
  );
  const noteRows = notes
    ? await db
        .select({ id: oversightCaseNotes.id, caseId: oversightCaseNotes.caseId, content: oversightCaseNotes.content, authorId: oversightCaseNotes.authorId, authorName: users.displayName, createdAt: oversightCaseNotes.createdAt })
        .from(oversightCaseNotes)
        .leftJoin(users, eq(users.id, oversightCaseNotes.authorId))
        .where(
          inArray(
            oversightCaseNotes.caseId,
            rows.map((r) => r.row.id),
          ),
        )
        .orderBy(asc(oversightCaseNotes.createdAt), asc(oversightCaseNotes.id))
    : [];
  return rows.map((r) => ({
    row: r.row,
    unitName: r.unitName,
    sourceTitle: r.row.sourceId ? (titles.get(r.row.sourceId) ?? null) : null,
    notes: noteRows.filter((n) => n.caseId === r.row.id).map(({ caseId: _c, ...n }) => n),
  }));
}

/** The cases the actor may see that pass the filter (none unless they oversee). */
export function caseWhere(actor: Actor | null, f: CaseFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [caseScope(actor)];
  if (f.status) conds.push(eq(oversightCases.status, f.status));
  if (f.category) conds.push(eq(oversightCases.category, f.category));
  if (f.source) conds.push(eq(oversightCases.sourceKind, f.source));
  if (f.q) conds.push(or(ilike(oversightCases.title, `%${escapeLike(f.q)}%`), ilike(oversightCases.summary, `%${escapeLike(f.q)}%`)));
  return and(...conds);
}

/** One page of cases, newest first, without their notes (the case page shows those). */
export async function listCases(db: Executor, actor: Actor | null, f: CaseFilter, page: number, perPage: number): Promise<{ rows: CaseView[]; total: number }> {
  const where = caseWhere(actor, f);
  const rows = await joined(db)
    .where(where)
    .orderBy(desc(oversightCases.createdAt), desc(oversightCases.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(oversightCases).where(where);
  return { rows: await withDetails(db, rows, false), total: count?.n ?? 0 };
}

/** One case with its notes, if the actor may see it. */
export async function findVisibleCase(db: Executor, actor: Actor | null, id: string): Promise<CaseView | undefined> {
  const rows = await joined(db).where(and(eq(oversightCases.id, id), caseScope(actor)));
  return (await withDetails(db, rows, true))[0];
}

/** Open cases (not closed) opened from these sources: the watch marks what already has one. */
export async function openCasesFrom(db: Executor, actor: Actor | null, sourceIds: readonly string[]): Promise<Map<string, string>> {
  if (!sourceIds.length) return new Map();
  const rows = await db
    .select({ id: oversightCases.id, sourceId: oversightCases.sourceId })
    .from(oversightCases)
    .where(and(inArray(oversightCases.sourceId, [...sourceIds]), sql`${oversightCases.status} <> 'closed'`, caseScope(actor)))
    .orderBy(desc(oversightCases.createdAt));
  const out = new Map<string, string>();
  for (const r of rows) if (r.sourceId && !out.has(r.sourceId)) out.set(r.sourceId, r.id);
  return out;
}
