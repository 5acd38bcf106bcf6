import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { noticeName, type NoticeColour, type NoticeKind } from '../../domain/notices.js';
import { digestTitle, itemLine } from '../../domain/reminders/words.js';
import { now as clockNow } from '../clock.js';
import type { Database } from '../db/client.js';
import { notices, notificationChannels, notificationDeliveries, notifications, users } from '../db/schema/index.js';
import { MAX_ATTEMPTS, retryDelayMs, robotAccepted, robotBody, robotUrl, type RobotKind } from '../notify/robots.js';

/** A claimed delivery is not taken by another sender for this long (a post times out well before). */
const LEASE_MS = 120_000;

export interface SenderOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Deliveries per round. */
  limit?: number;
  timeoutMs?: number;
}

/**
 * One round of the outbox: claims the robot deliveries that are due (a short transaction that
 * moves their next attempt past a lease, `skip locked`, so two instances never post one twice),
 * posts each outside any transaction with a timeout, and writes what happened — sent, or the error
 * and the next attempt after a growing delay, `failed` after the last. A receiver that is down or
 * slow delays only its own messages; no user's request waits for it.
 */
export async function deliverPending(database: Database, opts: SenderOptions = {}): Promise<{ sent: number; failed: number; retried: number }> {
  const post = opts.fetch ?? fetch;
  const now = opts.now ?? clockNow;
  const at = now();
  const claimed = await database.db.transaction(async (tx) => {
    const due = await tx
      .select({
        delivery: { id: notificationDeliveries.id, attempts: notificationDeliveries.attempts },
        channel: { kind: notificationChannels.kind, url: notificationChannels.url, secret: notificationChannels.secret },
        message: { kind: notifications.kind, items: notifications.items },
        userName: users.displayName,
        notice: { kind: notices.kind, colour: notices.colour, docNumber: notices.docNumber, subjectTitle: notices.subjectTitle, replyBy: notices.replyBy },
      })
      .from(notificationDeliveries)
      .innerJoin(notificationChannels, sql`${notificationChannels.id}::text = ${notificationDeliveries.channelKey}`)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notices, eq(notices.id, notifications.noticeId))
      .where(and(eq(notificationDeliveries.status, 'pending'), lte(notificationDeliveries.nextAttemptAt, at), eq(notificationChannels.enabled, true)))
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(opts.limit ?? 50)
      .for('update', { of: notificationDeliveries, skipLocked: true });
    for (const d of due) await tx.update(notificationDeliveries).set({ nextAttemptAt: new Date(at.getTime() + LEASE_MS) }).where(eq(notificationDeliveries.id, d.delivery.id));
    return due;
  });
  const out = { sent: 0, failed: 0, retried: 0 };
  for (const d of claimed) {
    const title = d.notice ? `督查${noticeName(d.notice.kind as NoticeKind, d.notice.colour as NoticeColour)} ${d.notice.docNumber}` : `推进提醒：${digestTitle(d.message.items, 'zh-CN')}`;
    const lines = d.notice ? [`${d.notice.subjectTitle}，请于${d.notice.replyBy}前反馈。`] : d.message.items.map((i) => `- ${itemLine(i, 'zh-CN')}`);
    const text = [`${d.userName}：`, ...lines].join('\n');
    let error: string | null;
    try {
      const res = await post(robotUrl(d.channel, now()), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(robotBody(d.channel.kind as RobotKind, title, text)),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      error = await robotAccepted(res);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const attempts = d.delivery.attempts + 1;
    const done = now();
    if (!error) {
      out.sent++;
      await database.db.update(notificationDeliveries).set({ status: 'sent', attempts, sentAt: done, lastError: null, nextAttemptAt: null }).where(eq(notificationDeliveries.id, d.delivery.id));
    } else {
      const giveUp = attempts >= MAX_ATTEMPTS;
      if (giveUp) out.failed++;
      else out.retried++;
      await database.db
        .update(notificationDeliveries)
        .set({ status: giveUp ? 'failed' : 'pending', attempts, lastError: error.slice(0, 500), nextAttemptAt: giveUp ? null : new Date(done.getTime() + retryDelayMs(attempts)) })
        .where(eq(notificationDeliveries.id, d.delivery.id));
    }
  }
  return out;
}

/** Sends the outbox every `intervalMs` (30 s) until stopped; a failed round is logged and the next one tries again. */
export function startOutboxSender(database: Database, opts: SenderOptions & { intervalMs?: number; log?: (msg: string, err?: unknown) => void } = {}) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const round = async () => {
    try {
      const r = await deliverPending(database, opts);
      if (r.sent + r.failed + r.retried) opts.log?.(`outbox: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed`);
    } catch (e) {
      opts.log?.('outbox round failed', e);
    }
  };
  const timer = setInterval(() => {
    if (!stopped) running = running.then(round);
  }, opts.intervalMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
