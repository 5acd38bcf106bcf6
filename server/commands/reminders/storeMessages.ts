import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Digest } from '../../../domain/reminders/digest.js';
import type { ReminderStep } from '../../../domain/reminders/ladder.js';
import { sentKey } from '../../../domain/reminders/digest.js';
import type { Tx } from '../../db/client.js';
import { notificationChannels, notificationDeliveries, notifications, reminderSteps, users } from '../../db/schema/index.js';
import { now as clockNow } from '../../clock.js';
import { readSmtp } from '../../queries/reminders/smtp.js';
import { messageId } from './messageId.js';

/** Rows per statement: well under PostgreSQL's 65,535 parameters, few round trips for a district. */
const CHUNK = 500;
const chunks = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** The steps each person already had for the things asked about, by `sentKey(userId, key)`. */
export async function loadSentSteps(tx: Tx, keys: readonly string[]): Promise<Map<string, ReminderStep[]>> {
  const out = new Map<string, ReminderStep[]>();
  for (const part of chunks([...new Set(keys)])) {
    const rows = await tx.select({ key: reminderSteps.key, userId: reminderSteps.userId, step: reminderSteps.step }).from(reminderSteps).where(inArray(reminderSteps.key, part));
    for (const r of rows) {
      const k = sentKey(r.userId, r.key);
      out.set(k, [...(out.get(k) ?? []), r.step as ReminderStep]);
    }
  }
  return out;
}

/**
 * Stores the digests: each person's message, the steps it carries and its inbox delivery. A
 * digest whose person already has one for the day is skipped whole (the unique key on user, kind
 * and day), steps and delivery included, so a second run of a day adds nothing.
 */
export async function storeDigests(tx: Tx, digests: readonly Digest[]): Promise<{ digests: number; items: number }> {
  let stored = 0;
  let items = 0;
  const at = clockNow();
  for (const part of chunks(digests)) {
    const rows = part.map((d) => ({ id: messageId(d.userId, 'digest', d.day), userId: d.userId, kind: 'digest', sourceKey: d.day, day: d.day, items: d.items, createdAt: at }));
    const inserted = new Set((await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id })).map((r) => r.id));
    const fresh = part.filter((d) => inserted.has(messageId(d.userId, 'digest', d.day)));
    if (!fresh.length) continue;
    const steps = fresh.flatMap((d) => d.items.map((i) => ({ key: i.key, userId: d.userId, step: i.step, notificationId: messageId(d.userId, 'digest', d.day), day: d.day })));
    for (const s of chunks(steps)) await tx.insert(reminderSteps).values(s).onConflictDoNothing();
    await tx
      .insert(notificationDeliveries)
      .values(fresh.map((d) => ({ notificationId: messageId(d.userId, 'digest', d.day), channel: 'inbox', channelKey: 'inbox', status: 'sent', attempts: 1, sentAt: at, createdAt: at })))
      .onConflictDoNothing();
    await queueChannelDeliveries(
      tx,
      fresh.map((d) => ({ id: messageId(d.userId, 'digest', d.day), userId: d.userId })),
      at,
    );
    stored += fresh.length;
    items += steps.length;
  }
  return { digests: stored, items };
}

/** A 督查 notice in the inboxes of the people it is for, delivered at once (inside the notice's own transaction). */
export async function storeNoticeMessages(tx: Tx, noticeId: string, userIds: readonly string[], day: string): Promise<number> {
  if (!userIds.length) return 0;
  const at = clockNow();
  const rows = userIds.map((userId) => ({ id: messageId(userId, 'notice', noticeId), userId, kind: 'notice', sourceKey: noticeId, day, noticeId, createdAt: at }));
  const inserted = await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });
  if (inserted.length) {
    await tx
      .insert(notificationDeliveries)
      .values(inserted.map((r) => ({ notificationId: r.id, channel: 'inbox', channelKey: 'inbox', status: 'sent', attempts: 1, sentAt: at, createdAt: at })))
      .onConflictDoNothing();
    await queueChannelDeliveries(
      tx,
      inserted.map((r) => ({ id: r.id, userId: rows.find((x) => x.id === r.id)!.userId })),
      at,
    );
  }
  return inserted.length;
}

/**
 * The deliveries of new messages besides the inbox: to every enabled group robot (WeCom, DingTalk)
 * of its person's unit, and by e-mail when the HQ office's mail server is enabled and the person
 * has an address. Queued `pending` for the sender (jobs/outboxSender.ts), which sends them outside
 * any user's request and retries them with backoff; the unique (message, channel key) keeps each once.
 */
export async function queueChannelDeliveries(tx: Tx, messages: readonly { id: string; userId: string }[], at: Date): Promise<number> {
  if (!messages.length) return 0;
  const channels = await tx
    .select({ id: notificationChannels.id, kind: notificationChannels.kind, unitId: notificationChannels.unitId })
    .from(notificationChannels)
    .where(and(eq(notificationChannels.enabled, true), isNotNull(notificationChannels.unitId)));
  const mail = !!(await readSmtp(tx)).smtp?.enabled;
  if (!channels.length && !mail) return 0;
  const people = new Map<string, { unitId: string; email: string | null }>();
  for (const part of chunks([...new Set(messages.map((m) => m.userId))])) {
    for (const u of await tx.select({ id: users.id, unitId: users.unitId, email: users.email }).from(users).where(inArray(users.id, part))) people.set(u.id, u);
  }
  const pending = { status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at };
  const rows = messages.flatMap((m) => {
    const person = people.get(m.userId);
    const robots = channels.filter((c) => c.unitId === person?.unitId).map((c) => ({ notificationId: m.id, channel: c.kind, channelKey: c.id, recipient: null, ...pending }));
    return mail && person?.email ? [...robots, { notificationId: m.id, channel: 'email', channelKey: 'email', recipient: person.email, ...pending }] : robots;
  });
  for (const part of chunks(rows)) await tx.insert(notificationDeliveries).values(part).onConflictDoNothing();
  return rows.length;
}
