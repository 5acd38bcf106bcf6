import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { blockers, bodies, fieldVisitFindings, fieldVisitPhotos, fieldVisits } from '../../db/schema/index.js';
import type { FieldVisitListRow, FindingLine } from '../../models/fieldVisit.js';
import { hasRole } from '../../policies/actor.js';
import { taskForcesOf } from '../../policies/report.js';
import { bodyIn, scopeOf } from '../regionScope.js';

/** The visits the actor may read: all for the leader and the HQ office; a task force's own. */
export function fieldVisitScope(actor: Actor | null): SQL | undefined {
  if (hasRole(actor, 'leader', 'hq_office')) return bodyIn(fieldVisits.bodyId, scopeOf(actor));
  const own = taskForcesOf(actor);
  return own.length ? inArray(fieldVisits.bodyId, own) : sql`false`;
}

const listColumns = {
  visit: fieldVisits,
  bodyName: bodies.name,
  // Named in full: the subqueries' tables have an "id" of their own.
  createdByName: sql<string | null>`(select u.display_name from users u where u.id = "field_visits"."created_by_id")`,
  findingCount: sql<number>`(select count(*)::int from field_visit_findings f where f.visit_id = "field_visits"."id")`,
  openFindingCount: sql<number>`(select count(*)::int from field_visit_findings f where f.visit_id = "field_visits"."id" and f.outcome is null)`,
};

/** Visits the actor may read, the latest first, one page. */
export async function listFieldVisits(db: Executor, actor: Actor | null, f: { bodyId?: string | undefined }, page: number, perPage: number) {
  const where = and(fieldVisitScope(actor), f.bodyId ? eq(fieldVisits.bodyId, f.bodyId) : undefined);
  const rows = await db
    .select(listColumns)
    .from(fieldVisits)
    .innerJoin(bodies, eq(bodies.id, fieldVisits.bodyId))
    .where(where)
    .orderBy(desc(fieldVisits.visitedOn), desc(fieldVisits.createdAt), desc(fieldVisits.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(fieldVisits).where(where);
  return { rows: rows as FieldVisitListRow[], total: n?.n ?? 0 };
}

/** One visit if the actor may read it. */
export async function findFieldVisit(db: Executor, actor: Actor | null, id: string): Promise<FieldVisitListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(fieldVisits)
    .innerJoin(bodies, eq(bodies.id, fieldVisits.bodyId))
    .where(and(eq(fieldVisits.id, id), fieldVisitScope(actor)));
  return row as FieldVisitListRow | undefined;
}

/** The findings in their order, each with the blocker it became as it stands now. */
export function findingLines(db: Executor, visitId: string): Promise<FindingLine[]> {
  return db
    .select({ finding: fieldVisitFindings, blockerTitle: blockers.title, blockerStatus: blockers.status, blockerLevel: blockers.level })
    .from(fieldVisitFindings)
    .leftJoin(blockers, eq(blockers.id, fieldVisitFindings.blockerId))
    .where(eq(fieldVisitFindings.visitId, visitId))
    .orderBy(asc(fieldVisitFindings.position), asc(fieldVisitFindings.id));
}

export function visitPhotos(db: Executor, visitId: string) {
  return db.select({ sha256: fieldVisitPhotos.sha256, name: fieldVisitPhotos.name }).from(fieldVisitPhotos).where(eq(fieldVisitPhotos.visitId, visitId)).orderBy(asc(fieldVisitPhotos.name));
}
