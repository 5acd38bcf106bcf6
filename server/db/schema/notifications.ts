import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DigestItem } from '../../../domain/reminders/digest.js';
import { now as clockNow } from '../../clock.js';
import { notices } from './bulletins.js';
import { orgUnits } from './org.js';
import { users } from './users.js';

/**
 * A message in one person's inbox: the day's reminder digest (`kind` digest, `source_key` the day)
 * or a 督查 notice sent to their unit (`kind` notice, `source_key` the notice's id). The id is
 * derived from user, kind and source key (server/commands/reminders/ids.ts) and the three are
 * unique, so a second run of the same day, or a notice delivered twice, adds nothing.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sourceKey: text('source_key').notNull(),
    /** The Asia/Shanghai day it was sent on. */
    day: text('day').notNull(),
    items: jsonb('items').$type<DigestItem[]>().notNull().default([]),
    noticeId: uuid('notice_id').references(() => notices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_once').on(t.userId, t.kind, t.sourceKey),
    index('notifications_user_created').on(t.userId, t.createdAt),
    // The bell asks for this count on every page: a partial index holds only what is unread.
    index('notifications_unread').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * Each step of the ladder a person was sent for one thing (its key carries its due day): the
 * ladder never sends a step, or a lower one, twice (domain/reminders/ladder.ts stepToSend).
 */
export const reminderSteps = pgTable(
  'reminder_steps',
  {
    key: text('key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
  },
  (t) => [uniqueIndex('reminder_steps_once').on(t.key, t.userId, t.step), index('reminder_steps_day').on(t.day)],
);

/**
 * The outbox: one row per message and channel it goes out on. The inbox is delivered when the
 * message is stored (status `sent` at once); a robot webhook (WeCom, DingTalk) or an e-mail is `pending` until a
 * sender posts it, retried with backoff (`attempts`, `next_attempt_at`, `last_error`) so a receiver
 * that is down never blocks nor fails anyone's request. `channel_key` is `inbox`, `email` or the robot's id.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    channelKey: text('channel_key').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The address an e-mail was (last) sent to: the log says whom it went to even after the person's address changes. */
    recipient: text('recipient'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [
    uniqueIndex('notification_deliveries_once').on(t.notificationId, t.channelKey),
    index('notification_deliveries_created').on(t.createdAt),
    index('notification_deliveries_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * A group robot a unit's (or, without a unit, the HQ office's) messages also go to: WeCom's
 * webhook URL carries its key; DingTalk's needs its signing secret. Configured by the HQ office.
 */
export const notificationChannels = pgTable('notification_channels', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secret: text('secret'),
  unitId: uuid('unit_id').references(() => orgUnits.id),
  enabled: boolean('enabled').notNull().default(true),
  version: integer('version').notNull().default(0),
});
