import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import { DEFAULT_LADDER } from '../../domain/reminders/ladder.js';
import { NotificationSettingsUpdate, RobotCreate } from '../../domain/schemas/reminder.js';
import { SmtpChannelUpdate } from '../../domain/schemas/smtpChannel.js';
import { SmtpTestRequest } from '../../domain/schemas/channelTest.js';
import type { Database } from '../db/client.js';
import { notificationChannels, notificationDeliveries, notifications } from '../db/schema/index.js';
import { today } from '../clock.js';
import { messageId } from '../commands/reminders/messageId.js';
import { readLadder } from '../queries/reminders/ladder.js';
import { readSmtp, writeSmtp } from '../queries/reminders/smtp.js';
import type { BodyKind } from './garbage.js';
import { makeUnit } from './factories.js';
import type { CallBuilder, CallEnv } from './routeCalls.js';

/** A WeCom robot's address as the platform gives it (the key made up). */
export const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

/** A district's mail relay as the HQ office would save it (no login, so no password to keep). */
export const SMTP_RELAY = { enabled: true, host: 'smtp.example.gov.cn', port: 25, security: 'none', username: null, fromAddress: 'tuijin@example.gov.cn' } as const;

let serial = 0;

/** An unread digest with one line in `userId`'s inbox, written straight to the database. */
export async function makeMessage(database: Database, userId: string, over: { day?: string; unitId?: string; itemId?: string } = {}) {
  const day = over.day ?? today();
  const key = `test:${serial++}:${Math.random()}`;
  const id = messageId(userId, 'digest', key);
  const items = [
    {
      kind: 'report' as const,
      step: 'urge' as const,
      key,
      itemType: 'task' as const,
      itemId: over.itemId ?? crypto.randomUUID(),
      code: 'T-1',
      title: '培育壮大新兴产业',
      unitId: over.unitId ?? crypto.randomUUID(),
      due: '2026-06-05',
      workdays: 3,
      period: '2026-05',
      milestone: null,
    },
  ];
  await database.db.insert(notifications).values({ id, userId, kind: 'digest', sourceKey: key, day, items });
  await database.db.insert(notificationDeliveries).values({ notificationId: id, channel: 'inbox', channelKey: 'inbox', status: 'sent', attempts: 1, sentAt: new Date() });
  return id;
}

/** The signed-in user's id, through /api/me as a client would learn it. */
async function signedIn(env: CallEnv, role: Role) {
  const session = await env.session(role);
  const me = await env.app.inject({ url: '/api/me', headers: session.headers });
  return { session, userId: me.json().data.id as string };
}

/** One builder per inbox route, keyed "METHOD /path" as Fastify lists it. */
export const INBOX_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/inbox': async (env, role) => ({ req: { method: 'GET', url: '/api/inbox?perPage=5' }, session: await env.session(role) }),
  'GET /api/inbox/unread': async (env, role) => ({ req: { method: 'GET', url: '/api/inbox/unread' }, session: await env.session(role) }),
  'POST /api/inbox/:id/read': async (env, role) => {
    const me = await signedIn(env, role);
    return { req: { method: 'POST', url: `/api/inbox/${await makeMessage(env.database, me.userId)}/read` }, session: me.session };
  },
  'POST /api/inbox/read-all': async (env, role) => {
    const me = await signedIn(env, role);
    await makeMessage(env.database, me.userId);
    return { req: { method: 'POST', url: '/api/inbox/read-all' }, session: me.session };
  },
  'GET /api/notification-channels': async (env, role) => ({ req: { method: 'GET', url: '/api/notification-channels' }, session: await env.session(role) }),
  'PUT /api/notification-channels': async (env, role) => {
    const { version } = await readLadder(env.database.db);
    return { req: { method: 'PUT', url: '/api/notification-channels', payload: { version, ...DEFAULT_LADDER } }, session: await env.session(role) };
  },
  'GET /api/notifications': async (env, role) => ({ req: { method: 'GET', url: '/api/notifications?perPage=5' }, session: await env.session(role) }),
  'POST /api/notification-channels/robots': async (env, role) => ({
    req: { method: 'POST', url: '/api/notification-channels/robots', payload: { kind: 'wecom', name: '建设街道工作群', unitId: (await makeUnit(env.database)).id, url: WECOM_URL } },
    session: await env.session(role),
  }),
  'PUT /api/notification-channels/smtp': async (env, role) => ({
    req: { method: 'PUT', url: '/api/notification-channels/smtp', payload: { ...SMTP_RELAY, version: (await readSmtp(env.database.db)).version } },
    session: await env.session(role),
  }),
  // A relay on a port nothing listens on: the test mail fails at once, answered 200 with the error.
  'POST /api/notification-channels/smtp/test': async (env, role) => {
    const { version } = await readSmtp(env.database.db);
    if (version === 0) await writeSmtp(env.database.db, { ...SMTP_RELAY, host: '127.0.0.1', port: 9, password: null }, 0);
    return { req: { method: 'POST', url: '/api/notification-channels/smtp/test', payload: { recipient: 'office@example.gov.cn' } }, session: await env.session(role) };
  },
  'POST /api/notification-channels/robots/:id/test': async (env, role) => {
    const [robot] = await env.database.db.insert(notificationChannels).values({ kind: 'wecom', name: '测试的群', url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' }).returning({ id: notificationChannels.id });
    return { req: { method: 'POST', url: `/api/notification-channels/robots/${robot!.id}/test` }, session: await env.session(role) };
  },
  'DELETE /api/notification-channels/robots/:id': async (env, role) => {
    const [robot] = await env.database.db.insert(notificationChannels).values({ kind: 'wecom', name: '待删除的群', url: WECOM_URL }).returning({ id: notificationChannels.id });
    return { req: { method: 'DELETE', url: `/api/notification-channels/robots/${robot!.id}` }, session: await env.session(role) };
  },
};

/**
 * Who may call what, written by hand from the brief: every signed-in person has an inbox (their
 * own; the admins' stays empty); the ladder and the delivery log are the HQ office's alone.
 */
export const INBOX_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/inbox': 'everyone',
  'GET /api/inbox/unread': 'everyone',
  'POST /api/inbox/:id/read': 'everyone',
  'POST /api/inbox/read-all': 'everyone',
  'GET /api/notification-channels': ['hq_office'],
  'PUT /api/notification-channels': ['hq_office'],
  'GET /api/notifications': ['hq_office'],
  'POST /api/notification-channels/robots': ['hq_office'],
  'DELETE /api/notification-channels/robots/:id': ['hq_office'],
  'PUT /api/notification-channels/smtp': ['hq_office'],
  'POST /api/notification-channels/smtp/test': ['hq_office'],
  'POST /api/notification-channels/robots/:id/test': ['hq_office'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** The inbox's writes, for the garbage property test. */
export const INBOX_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/inbox/:id/read', role: 'liaison', body: { kind: 'none' } },
  { key: 'POST /api/inbox/read-all', role: 'liaison', body: { kind: 'none' } },
  { key: 'PUT /api/notification-channels', role: 'hq_office', body: json(NotificationSettingsUpdate) },
  { key: 'POST /api/notification-channels/robots', role: 'hq_office', body: json(RobotCreate) },
  { key: 'DELETE /api/notification-channels/robots/:id', role: 'hq_office', body: { kind: 'none' } },
  { key: 'PUT /api/notification-channels/smtp', role: 'hq_office', body: json(SmtpChannelUpdate) },
  { key: 'POST /api/notification-channels/smtp/test', role: 'hq_office', body: json(SmtpTestRequest) },
  { key: 'POST /api/notification-channels/robots/:id/test', role: 'hq_office', body: { kind: 'none' } },
];
