import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RequestStatus } from '../../../domain/promises.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { evidence, orgUnits, oversightCaseRequests, oversightCases, responseRequestEvidence, responseRequests, users } from '../../db/schema/index.js';
import type { EvidenceFile, RequestView } from '../../models/promises.js';
import { caseScope } from '../oversight/scope.js';
import { requestScope } from './scope.js';

const drafter = alias(users, 'drafter');
const sender = alias(users, 'sender');

function joined(db: Executor) {
  return db
    .select({ row: responseRequests, unitName: orgUnits.name, draftedByName: drafter.displayName, answeredByName: sender.displayName })
    .from(responseRequests)
    .leftJoin(orgUnits, eq(orgUnits.id, responseRequests.unitId))
    .leftJoin(drafter, eq(drafter.id, responseRequests.draftedById))
    .leftJoin(sender, eq(sender.id, responseRequests.answeredById));
}

type Joined = Omit<RequestView, 'evidence'>;

async function withEvidence(db: Executor, rows: Joined[]): Promise<RequestView[]> {
  if (!rows.length) return [];
  const files = await db
    .select({ requestId: responseRequestEvidence.requestId, sha256: responseRequestEvidence.sha256, name: responseRequestEvidence.name, size: evidence.size, mime: evidence.mime })
    .from(responseRequestEvidence)
    .innerJoin(evidence, eq(evidence.sha256, responseRequestEvidence.sha256))
    .where(
      inArray(
        responseRequestEvidence.requestId,
        rows.map((r) => r.row.id),
      ),
    );
  const of = (id: string): EvidenceFile[] => files.filter((f) => f.requestId === id).map(({ requestId: _r, ...f }) => f);
  return rows.map((r) => ({ ...r, evidence: of(r.row.id) }));
}

/** One page of the requests to the actor's units, open ones first, then the newest. */
export async function listRequests(db: Executor, actor: Actor | null, status: RequestStatus | undefined, page: number, perPage: number) {
  const where: SQL | undefined = and(requestScope(actor), status ? eq(responseRequests.status, status) : undefined);
  const rows = await joined(db)
    .where(where)
    .orderBy(sql`${responseRequests.status} = 'answered'`, responseRequests.deadline, desc(responseRequests.requestedAt))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(responseRequests).where(where);
  return { rows: await withEvidence(db, rows), total: count?.n ?? 0 };
}

/** A request to one of the actor's units, or undefined (404). */
export async function findVisibleRequest(db: Executor, actor: Actor | null, id: string): Promise<RequestView | undefined> {
  const rows = await joined(db).where(and(eq(responseRequests.id, id), requestScope(actor)));
  return (await withEvidence(db, rows))[0];
}

/** The requests a case made, oldest first: through the oversight table that names them, for the oversight role alone. */
export async function requestsOfCase(db: Executor, actor: Actor | null, caseId: string): Promise<RequestView[]> {
  const rows = await joined(db)
    .innerJoin(oversightCaseRequests, eq(oversightCaseRequests.requestId, responseRequests.id))
    // The case's own visibility (its scope names the cases table, which this statement does not join).
    .where(and(eq(oversightCaseRequests.caseId, caseId), inArray(oversightCaseRequests.caseId, db.select({ id: oversightCases.id }).from(oversightCases).where(caseScope(actor)))))
    .orderBy(responseRequests.requestedAt);
  return withEvidence(db, rows);
}

/** How many requests to the actor's units still wait for an answer (the home card's count). */
export async function openRequestCount(db: Executor, actor: Actor | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(responseRequests)
    .where(and(requestScope(actor), sql`${responseRequests.status} <> 'answered'`));
  return row?.n ?? 0;
}
