import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notificationDeliveries, notifications } from '../db/schema/index.js';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { SMTP_RELAY } from '../testing/inboxCalls.js';
import { makeLedgerEntry } from '../testing/inspectionCalls.js';

const PASSWORD = 'Mail-Relay-Secret-9f3k';

describe.each(DATABASE_KINDS)('the HQ office’s mail server (SMTP) on %s', (kind) => {
  let h: Harness;
  let hq: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    hq = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'hq_office' }]));
  });
  afterAll(async () => h?.close());

  const put = (payload: Record<string, unknown>, s = hq, headers: Record<string, string> = {}) => send(h.app, { method: 'PUT', url: '/api/notification-channels/smtp', payload, headers }, s);
  const login = { ...SMTP_RELAY, host: 'smtp.qiye.example.gov.cn', port: 587, security: 'starttls', username: 'tuijin@example.gov.cn', password: PASSWORD };

  it('saves the server with its login, keeps the password when it is left out, and never sends it back nor audits it', async () => {
    expect((await send(h.app, { method: 'GET', url: '/api/notification-channels' }, hq)).json().data.smtp).toBeNull();
    const saved = await put({ ...login, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.smtp).toEqual({ version: 1, enabled: true, host: 'smtp.qiye.example.gov.cn', port: 587, security: 'starttls', username: 'tuijin@example.gov.cn', fromAddress: 'tuijin@example.gov.cn', passwordSet: true });
    // The page never has the password to send back: saving without it keeps it.
    const moved = await put({ ...login, password: undefined, port: 465, security: 'tls', version: 1 });
    expect(moved.json().data.smtp).toMatchObject({ version: 2, port: 465, security: 'tls', passwordSet: true });
    expectError(await put({ ...login, version: 1 }), 409, 'version_conflict');
    const read = await send(h.app, { method: 'GET', url: '/api/notification-channels' }, hq);
    for (const body of [saved.body, moved.body, read.body]) expect(body).not.toContain(PASSWORD);
    const records = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'smtp_channel.updated'));
    expect(records).toHaveLength(2);
    expect(JSON.stringify(records)).not.toContain(PASSWORD);
    expect(records[1]!.after).toMatchObject({ port: 465, passwordSet: true });
    // No login, no password kept.
    const relay = await put({ ...SMTP_RELAY, version: 2 });
    expect(relay.json().data.smtp).toMatchObject({ username: null, passwordSet: false, security: 'none' });
  });

  it('refuses bad settings naming the field, in the reader’s language', async () => {
    const { version } = (await send(h.app, { method: 'GET', url: '/api/notification-channels' }, hq)).json().data.smtp;
    const good = { ...SMTP_RELAY, version };
    const cases = [
      [{ ...good, host: 'smtp example.cn' }, 'host', '邮件服务器地址 须为邮件服务器的域名或 IP 地址'],
      [{ ...good, host: 'smtp.\u0007example.cn' }, 'host', '邮件服务器地址'],
      [{ ...good, host: '' }, 'host', '邮件服务器地址'],
      [{ ...good, port: 0 }, 'port', '端口'],
      [{ ...good, port: 65_536 }, 'port', '端口'],
      [{ ...good, port: 6379 }, 'port', '端口 须为邮件端口 25、465、587 或 2525'],
      [{ ...good, port: 25.5 }, 'port', '端口'],
      [{ ...good, port: '25' }, 'port', '端口'],
      [{ ...good, security: 'ssl3' }, 'security', '加密方式'],
      [{ ...good, fromAddress: 'tuijin' }, 'fromAddress', '发件人地址 须为电子邮箱地址'],
      [{ ...good, fromAddress: 'tuijin\uD800@example.gov.cn' }, 'fromAddress', '发件人地址'],
      [{ ...good, fromAddress: 'a@example.gov.cn\r\nBcc: all@example.gov.cn' }, 'fromAddress', '发件人地址'],
      [{ ...good, username: 'tuijin', password: PASSWORD }, 'security', '加密方式 使用账号密码登录时须为 SSL/TLS 或 STARTTLS'],
      [{ ...good, security: 'tls', username: 'tuijin' }, 'password', '密码 填写了登录账号时须填写密码'],
      [{ ...good, password: 'x'.repeat(201) }, 'password', '密码'],
      [{ ...good, smtpUrl: 'smtp://x' }, 'smtpUrl', ''],
    ] as const;
    for (const [payload, field, words] of cases) {
      const e = expectError(await put(payload), 400, 'validation');
      expect(Object.keys(e.fields ?? {}), JSON.stringify(payload)).toEqual([field]);
      expect(e.message, JSON.stringify(payload)).toContain(words);
    }
    const en = expectError(await put({ ...good, port: 0 }, hq, { 'accept-language': 'en-US' }), 400);
    expect(en.message).toContain('Port');
    // Nothing was saved by any of them.
    expect((await send(h.app, { method: 'GET', url: '/api/notification-channels' }, hq)).json().data.smtp.version).toBe(version);
  });

  it('keeps the mail server from every other role', async () => {
    for (const role of ['liaison', 'unit_head', 'leader', 'inspector', 'sysadmin', 'secadmin', 'auditor'] as const) {
      const s = await loginAs(h.app, await makeUser(h.db.database, [{ role }]));
      expect((await put({ ...SMTP_RELAY, version: 0 }, s)).statusCode, role).toBe(403);
    }
  });

  it('queues an e-mail when a 督查 notice reaches a person who has an address, once the server is enabled', async () => {
    const unitId = (await makeUnit(h.db.database)).id;
    const liaison = await makeUser(h.db.database, [{ role: 'liaison' }], { unitId, email: 'liaison@example.gov.cn' });
    const head = await makeUser(h.db.database, [{ role: 'unit_head' }], { unitId });
    const inspector = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'inspector' }]));
    const entry = await makeLedgerEntry(h.db.database, unitId, { over: { deadline: '2026-01-05' } });
    const issued = await send(h.app, { method: 'POST', url: '/api/notices', payload: { subject: { type: 'ledger', id: entry.id } } }, inspector);
    expect(issued.statusCode, issued.body).toBe(200);
    const channels = async (userId: string) =>
      (
        await h.db.database.db
          .select({ channel: notificationDeliveries.channel, recipient: notificationDeliveries.recipient, status: notificationDeliveries.status })
          .from(notificationDeliveries)
          .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'notice')))
      ).sort((a, b) => a.channel.localeCompare(b.channel));
    expect(await channels(liaison.id)).toEqual([
      { channel: 'email', recipient: 'liaison@example.gov.cn', status: 'pending' },
      { channel: 'inbox', recipient: null, status: 'sent' },
    ]);
    expect(await channels(head.id)).toEqual([{ channel: 'inbox', recipient: null, status: 'sent' }]);
    const log = (await send(h.app, { method: 'GET', url: '/api/notifications?status=pending&perPage=100' }, hq)).json();
    expect(log.data.find((d: { userId: string }) => d.userId === liaison.id)).toMatchObject({ channel: 'email', recipient: 'liaison@example.gov.cn', status: 'pending', lastError: null });
  });
});
