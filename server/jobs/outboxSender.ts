import { and, asc, eq, lte, or, sql } from 'drizzle-orm';
import { recordJobRun } from './jobHealth.js';
import { now as clockNow } from '../clock.js';
import type { Database } from '../db/client.js';
import { notices, notificationChannels, notificationDeliveries, notifications, users } from '../db/schema/index.js';
import { smtpMailer } from '../notify/mail.js';
import { mailText, robotText } from '../notify/messageText.js';
import { postToRobot } from '../notify/robotPost.js';
import { MAX_ATTEMPTS, retryDelayMs } from '../notify/robots.js';
import { readSmtp } from '../queries/reminders/smtp.js';

/** A claimed delivery is not taken by another sender for this long (a post times out well before). */
const LEASE_MS = 120_000;

export interface SenderOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Deliveries per round. */
  limit?: number;
  /** Each wait on a robot or the mail server (a mail's whole exchange gets three). */
  timeoutMs?: number;
  /** The platform's public address, for the links in e-mails (config TUIJIN_PUBLIC_URL). */
  publicUrl?: string | undefined;
}

/** How one attempt went: sent, or the error, and whether to give up at once (a mail refused for good, no address left). */
type Attempt = { error: null } | { error: string; final?: boolean };

/**
 * One round of the outbox: claims the robot and e-mail deliveries that are due (a short
 * transaction that moves their next attempt past a lease, `skip locked`, so two instances never
 * send one twice), sends each outside any transaction with timeouts, and writes what happened —
 * sent, or the error and the next attempt after a growing delay, `failed` after the last. A
 * receiver that is down or slow delays only its own messages; no user's request waits for it. A
 * robot or mail server switched off keeps its deliveries pending, unclaimed, until it is back.
 */
export async function deliverPending(database: Database, opts: SenderOptions = {}): Promise<{ sent: number; failed: number; retried: number }> {
  const post = opts.fetch ?? fetch;
  const now = opts.now ?? clockNow;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const at = now();
  const { smtp } = await readSmtp(database.db);
  const mailOn = !!smtp?.enabled;
  const claimed = await database.db.transaction(async (tx) => {
    const due = await tx
      .select({
        delivery: { id: notificationDeliveries.id, attempts: notificationDeliveries.attempts, channel: notificationDeliveries.channel },
        robot: { kind: notificationChannels.kind, url: notificationChannels.url, secret: notificationChannels.secret },
        message: { items: notifications.items },
        userName: users.displayName,
        email: users.email,
        notice: { kind: notices.kind, colour: notices.colour, docNumber: notices.docNumber, subjectType: notices.subjectType, subjectId: notices.subjectId, subjectTitle: notices.subjectTitle, replyBy: notices.replyBy },
      })
      .from(notificationDeliveries)
      .leftJoin(notificationChannels, sql`${notificationChannels.id}::text = ${notificationDeliveries.channelKey}`)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notices, eq(notices.id, notifications.noticeId))
      .where(
        and(
          eq(notificationDeliveries.status, 'pending'),
          lte(notificationDeliveries.nextAttemptAt, at),
          or(eq(notificationChannels.enabled, true), mailOn ? eq(notificationDeliveries.channel, 'email') : sql`false`),
        ),
      )
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(opts.limit ?? 50)
      .for('update', { of: notificationDeliveries, skipLocked: true });
    for (const d of due) await tx.update(notificationDeliveries).set({ nextAttemptAt: new Date(at.getTime() + LEASE_MS) }).where(eq(notificationDeliveries.id, d.delivery.id));
    return due;
  });
  const mailer = smtp && claimed.some((d) => d.delivery.channel === 'email') ? smtpMailer(smtp, timeoutMs) : null;
  // Once the mail server is unreachable, the round's other mails are recorded with its error instead of each waiting out the timeouts again.
  let mailServerDown: string | null = null;
  const out = { sent: 0, failed: 0, retried: 0 };
  try {
    for (const d of claimed) {
      const message = { userName: d.userName, items: d.message.items, notice: d.notice };
      let attempt: Attempt;
      if (d.delivery.channel === 'email') {
        if (!d.email) attempt = { error: 'no e-mail address', final: true };
        else if (mailServerDown) attempt = { error: mailServerDown };
        else {
          const r = await mailer!.send(d.email, mailText(message, opts.publicUrl));
          if (r.serverDown) mailServerDown = r.error;
          attempt = r.error ? { error: r.error, final: r.permanent } : { error: null };
        }
      } else {
        const error = await postToRobot(post, d.robot!, robotText(message), now(), timeoutMs);
        attempt = error ? { error } : { error: null };
      }
      const kind = await record(database, d.delivery, attempt, now(), d.delivery.channel === 'email' ? d.email : undefined);
      out[kind]++;
    }
  } finally {
    mailer?.close();
  }
  return out;
}

/** Writes an attempt's outcome: sent, or the error with the next attempt after the backoff, or given up. An e-mail keeps the address it went to. */
async function record(database: Database, delivery: { id: string; attempts: number }, attempt: Attempt, done: Date, recipient: string | null | undefined): Promise<'sent' | 'failed' | 'retried'> {
  const attempts = delivery.attempts + 1;
  const to = recipient ? { recipient } : {};
  if (attempt.error === null) {
    await database.db.update(notificationDeliveries).set({ status: 'sent', attempts, sentAt: done, lastError: null, nextAttemptAt: null, ...to }).where(eq(notificationDeliveries.id, delivery.id));
    return 'sent';
  }
  const giveUp = attempt.final === true || attempts >= MAX_ATTEMPTS;
  await database.db
    .update(notificationDeliveries)
    .set({ status: giveUp ? 'failed' : 'pending', attempts, lastError: attempt.error.slice(0, 500), nextAttemptAt: giveUp ? null : new Date(done.getTime() + retryDelayMs(attempts)), ...to })
    .where(eq(notificationDeliveries.id, delivery.id));
  return giveUp ? 'failed' : 'retried';
}

/** Sends the outbox every `intervalMs` (30 s) until stopped; a failed round is logged and the next one tries again. */
export function startOutboxSender(database: Database, opts: SenderOptions & { intervalMs?: number; log?: (msg: string, err?: unknown) => void } = {}) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const round = async () => {
    try {
      const r = await deliverPending(database, opts);
      if (r.sent + r.failed + r.retried) opts.log?.(`outbox: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed`);
      recordJobRun(database, 'outbox', Date.now());
    } catch (e) {
      recordJobRun(database, 'outbox', Date.now(), e);
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
