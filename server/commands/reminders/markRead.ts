import { and, eq, isNull } from 'drizzle-orm';
import { NO_UNIT, recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { notFound, unauthenticated } from '../../errors.js';
import { inboxScope } from '../../queries/reminders/inbox.js';

/** Marks one of the actor's messages read (404 for anyone else's); reading it again changes nothing. */
export async function markRead(ctx: Ctx, id: string): Promise<void> {
  if (!ctx.actor) throw unauthenticated();
  await inTx(ctx, async (tx) => {
    const [own] = await tx.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), inboxScope(ctx.actor))).for('update');
    if (!own) throw notFound('notification');
    if (own.readAt) return;
    await tx.update(notifications).set({ readAt: clockNow() }).where(eq(notifications.id, id));
    await recordAudit(tx, ctx, 'notification.read', { entity: 'notification', entityId: id, scope: NO_UNIT });
  });
}

/** Marks every unread message of the actor read, with one record saying how many. */
export async function markAllRead(ctx: Ctx): Promise<number> {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: clockNow() })
      .where(and(inboxScope(ctx.actor), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    await recordAudit(tx, ctx, 'notification.read_all', { entity: 'notification', entityId: null, after: { marked: marked.length }, scope: NO_UNIT });
    return marked.length;
  });
}

/**
 * A 督查 notice's message read for the one who signed for it, inside the acknowledgement's
 * transaction: that step's own record covers it, so none of its own.
 */
export async function markNoticeRead(tx: Tx, userId: string, noticeId: string): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: clockNow() })
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'notice'), eq(notifications.sourceKey, noticeId), isNull(notifications.readAt)));
}
