import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { directives } from '../../db/schema/index.js';
import type { DirectiveListRow } from '../../models/directive.js';
import { regionIn, type RegionScope } from '../regionScope.js';

// Named in full: the subqueries' tables have an "id" of their own.
const listColumns = {
  directive: directives,
  createdByName: sql<string | null>`(select u.display_name from users u where u.id = "directives"."created_by_id")`,
  pointCount: sql<number>`(select count(*)::int from dispatches d where d.subject_type = 'directive' and d.subject_id = "directives"."id")`,
  answeredPointCount: sql<number>`(select count(*)::int from dispatches d where d.subject_type = 'directive' and d.subject_id = "directives"."id"
    and not exists (select 1 from dispatch_recipients r where r.dispatch_id = d.id and r.status = 'pending'))`,
};

/** Directives of the reader's regions, the latest received first, one page. */
export async function listDirectives(db: Executor, scope: RegionScope, page: number, perPage: number) {
  const inScope = regionIn(directives.regionId, scope);
  const rows = await db
    .select(listColumns)
    .from(directives)
    .where(inScope)
    .orderBy(desc(directives.receivedOn), desc(directives.createdAt), desc(directives.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(directives).where(inScope);
  return { rows: rows as DirectiveListRow[], total: n?.n ?? 0 };
}

export async function findDirective(db: Executor, id: string): Promise<DirectiveListRow | undefined> {
  const [row] = await db.select(listColumns).from(directives).where(eq(directives.id, id));
  return row as DirectiveListRow | undefined;
}
