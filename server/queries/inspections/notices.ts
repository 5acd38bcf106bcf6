import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { NoticeColour, NoticeKind, NoticeStatus } from '../../../domain/notices.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { notices, orgUnits } from '../../db/schema/index.js';
import type { NoticeView } from '../../models/inspections.js';
import { noticeScope } from './scope.js';

export interface NoticeFilter {
  unit?: string | undefined;
  kind?: NoticeKind | undefined;
  colour?: NoticeColour | undefined;
  status?: NoticeStatus | undefined;
  subjectId?: string | undefined;
}

const joined = (db: Executor) => db.select({ notice: notices, unitName: orgUnits.name }).from(notices).leftJoin(orgUnits, eq(orgUnits.id, notices.unitId));

/** Notices the actor may see that pass the filter, newest first, one page. */
export async function listNotices(db: Executor, actor: Actor | null, f: NoticeFilter, page: number, perPage: number): Promise<{ rows: NoticeView[]; total: number }> {
  const conds: (SQL | undefined)[] = [noticeScope(actor)];
  if (f.unit) conds.push(eq(notices.unitId, f.unit));
  if (f.kind) conds.push(eq(notices.kind, f.kind));
  if (f.colour) conds.push(eq(notices.colour, f.colour));
  if (f.status) conds.push(eq(notices.status, f.status));
  if (f.subjectId) conds.push(eq(notices.subjectId, f.subjectId));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(notices.issuedAt), desc(notices.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(notices).where(where),
  ]);
  return { rows, total: n?.n ?? 0 };
}

/** One notice if the actor may see it. */
export async function findVisibleNotice(db: Executor, actor: Actor | null, id: string): Promise<NoticeView | undefined> {
  const [row] = await joined(db).where(and(eq(notices.id, id), noticeScope(actor)));
  return row;
}
