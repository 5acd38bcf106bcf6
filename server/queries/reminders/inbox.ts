import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { notices, notifications, orgUnits } from '../../db/schema/index.js';
import type { InboxRow } from '../../models/reminders.js';

/** What a user may read of the inbox: their own messages, nobody else's (others' ids are 404). */
export const inboxScope = (actor: Actor | null): SQL => (actor ? eq(notifications.userId, actor.userId) : sql`false`);

const joined = (db: Executor) =>
  db
    .select({
      message: notifications,
      notice: { id: notices.id, kind: notices.kind, colour: notices.colour, docNumber: notices.docNumber, subjectType: notices.subjectType, subjectId: notices.subjectId, subjectTitle: notices.subjectTitle, replyBy: notices.replyBy, status: notices.status },
    })
    .from(notifications)
    .leftJoin(notices, eq(notices.id, notifications.noticeId));


/** Unit names of the units the digests' lines name (a digest stores ids; a unit may be renamed). */
async function withUnitNames(db: Executor, rows: Omit<InboxRow, 'unitNames'>[]): Promise<InboxRow[]> {
  const ids = [...new Set(rows.flatMap((r) => r.message.items.map((i) => i.unitId)))];
  const names = new Map(ids.length ? (await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids))).map((u) => [u.id, u.name]) : []);
  return rows.map((r) => ({ ...r, unitNames: names }));
}

/** The actor's messages, newest first, one page; `unread` keeps only those not read. */
export async function listInbox(db: Executor, actor: Actor | null, unread: boolean, page: number, perPage: number): Promise<{ rows: InboxRow[]; total: number }> {
  const where = and(inboxScope(actor), unread ? isNull(notifications.readAt) : undefined);
  const rows = await joined(db)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [n] = await db.select({ n: count() }).from(notifications).where(where);
  return { rows: await withUnitNames(db, rows), total: n?.n ?? 0 };
}

/** One of the actor's messages, or undefined (someone else's is as missing as one that never was). */
export async function findOwnMessage(db: Executor, actor: Actor | null, id: string): Promise<InboxRow | undefined> {
  const rows = await joined(db).where(and(eq(notifications.id, id), inboxScope(actor)));
  return (await withUnitNames(db, rows))[0];
}

/** The bell's count: one indexed count over the partial index of unread messages. */
export async function unreadCount(db: Executor, actor: Actor | null): Promise<number> {
  const [n] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(inboxScope(actor), isNull(notifications.readAt)));
  return n?.n ?? 0;
}
