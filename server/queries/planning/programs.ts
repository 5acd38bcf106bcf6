import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { escapeLike } from '../../audit.js';
import type { Executor } from '../../db/client.js';
import { areas, programs } from '../../db/schema/index.js';
import { regionIn, type RegionScope } from '../regionScope.js';

export async function listPrograms(db: Executor, scope: RegionScope, q: string | undefined, page: number, perPage: number) {
  const where = and(regionIn(programs.regionId, scope), q ? or(ilike(programs.name, `%${escapeLike(q)}%`), ilike(programs.code, `%${escapeLike(q)}%`)) : undefined);
  const [rows, [c]] = await Promise.all([
    db
      .select()
      .from(programs)
      .where(where)
      .orderBy(asc(programs.startYear), asc(programs.code))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(programs).where(where),
  ]);
  return { rows, total: c?.n ?? 0 };
}

export async function findProgram(db: Executor, id: string) {
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  return p;
}

export const listAreas = (db: Executor, programId: string) =>
  db.select().from(areas).where(and(eq(areas.programId, programId))).orderBy(asc(areas.sort), asc(areas.code));
