import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../domain/calendar/days.js';
import { promiseCounts, type PromiseState, type PromiseStatus } from '../../../domain/promises.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { evidence, orgUnits, promiseEvidence, promises } from '../../db/schema/index.js';
import type { EvidenceFile, PromiseView } from '../../models/promises.js';
import { promiseScope } from './scope.js';

export interface PromiseFilter {
  state?: PromiseState | undefined;
  unit?: string | undefined;
  request?: string | undefined;
}

/** The SQL twin of `domain/promises.ts promiseState` for one shown state. */
function stateWhere(state: PromiseState, today: IsoDate): SQL | undefined {
  if (state === 'overdue') return and(eq(promises.status, 'pending'), lt(promises.deadline, today));
  if (state === 'pending') return and(eq(promises.status, 'pending'), gte(promises.deadline, today));
  return eq(promises.status, state);
}

/** The promises the actor may read that pass the filter. */
export function promiseWhere(actor: Actor | null, f: PromiseFilter, today: IsoDate): SQL | undefined {
  return and(promiseScope(actor), f.state ? stateWhere(f.state, today) : undefined, f.unit ? eq(promises.unitId, f.unit) : undefined, f.request ? eq(promises.requestId, f.request) : undefined);
}

async function withEvidence(db: Executor, rows: Omit<PromiseView, 'evidence'>[]): Promise<PromiseView[]> {
  if (!rows.length) return [];
  const files = await db
    .select({ promiseId: promiseEvidence.promiseId, sha256: promiseEvidence.sha256, name: promiseEvidence.name, size: evidence.size, mime: evidence.mime })
    .from(promiseEvidence)
    .innerJoin(evidence, eq(evidence.sha256, promiseEvidence.sha256))
    .where(
      inArray(
        promiseEvidence.promiseId,
        rows.map((r) => r.row.id),
      ),
    );
  const of = (id: string): EvidenceFile[] => files.filter((f) => f.promiseId === id).map(({ promiseId: _p, ...f }) => f);
  return rows.map((r) => ({ ...r, evidence: of(r.row.id) }));
}

const joined = (db: Executor) => db.select({ row: promises, unitName: orgUnits.name }).from(promises).leftJoin(orgUnits, eq(orgUnits.id, promises.unitId));

/** One page of the ledger: pending first (the nearest deadline first, so the late ones lead), then the ended ones, newest first. */
export async function listPromises(db: Executor, actor: Actor | null, f: PromiseFilter, today: IsoDate, page: number, perPage: number) {
  const where = promiseWhere(actor, f, today);
  const rows = await joined(db)
    .where(where)
    .orderBy(sql`${promises.status} <> 'pending'`, asc(promises.deadline), desc(promises.createdAt), asc(promises.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(promises).where(where);
  return { rows: await withEvidence(db, rows), total: count?.n ?? 0 };
}

/** One promise the actor may read, or undefined (404). */
export async function findVisiblePromise(db: Executor, actor: Actor | null, id: string): Promise<PromiseView | undefined> {
  return (await withEvidence(db, await joined(db).where(and(eq(promises.id, id), promiseScope(actor)))))[0];
}

/** The promises of some requests (the answers on a case page, the unit's request page). */
export async function promisesOfRequests(db: Executor, requestIds: readonly string[]): Promise<PromiseView[]> {
  if (!requestIds.length) return [];
  return withEvidence(db, await joined(db).where(inArray(promises.requestId, [...requestIds])).orderBy(asc(promises.deadline)));
}

/** Counts by shown state over what the actor may read (grouped by status and day, decided by the domain's rule). */
export async function promiseSummary(db: Executor, actor: Actor | null, f: Omit<PromiseFilter, 'state'>, today: IsoDate) {
  const groups = await db
    .select({ status: promises.status, deadline: promises.deadline, n: sql<number>`count(*)::int` })
    .from(promises)
    .where(promiseWhere(actor, f, today))
    .groupBy(promises.status, promises.deadline);
  return promiseCounts(
    groups.map((g) => ({ status: g.status as PromiseStatus, deadline: g.deadline, n: g.n })),
    today,
  );
}

/** Every promise the list would show, in its order, for the workbook (the ledger stays in the thousands). */
export async function promisesForExport(db: Executor, actor: Actor | null, f: PromiseFilter, today: IsoDate) {
  return joined(db)
    .where(promiseWhere(actor, f, today))
    .orderBy(sql`${promises.status} <> 'pending'`, asc(promises.deadline), desc(promises.createdAt), asc(promises.id));
}
