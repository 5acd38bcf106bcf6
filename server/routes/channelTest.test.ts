import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notificationChannels, notificationDeliveries } from '../db/schema/index.js';
import { readSmtp, writeSmtp } from '../queries/reminders/smtp.js';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { mailReceiver, REFUSED } from '../testing/mailReceiver.js';
import { robotReceiver, SECRET } from '../testing/robotReceiver.js';

const relay = (port: number, enabled = false) => ({ enabled, host: '127.0.0.1', port, security: 'none' as const, username: null, password: null, fromAddress: 'tuijin@example.gov.cn' });

describe.each(DATABASE_KINDS)('test messages from 提醒设置 on %s', (kind) => {
  let h: Harness;
  let hq: Session;
  const robots = robotReceiver();
  let robotBase = '';
  beforeAll(async () => {
    h = await startHarness(kind);
    hq = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'hq_office' }], { displayName: '指挥部办公室王主任', email: 'wang@example.gov.cn' }));
    await new Promise<void>((r) => robots.server.listen(0, '127.0.0.1', r));
    robotBase = `http://127.0.0.1:${(robots.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    robots.server.close();
    await h?.close();
  });

  const testMail = (payload: Record<string, unknown> = {}, s = hq, headers: Record<string, string> = {}) => send(h.app, { method: 'POST', url: '/api/notification-channels/smtp/test', payload, headers }, s);
  const saveRelay = async (port: number) => expect(await writeSmtp(h.db.database.db, relay(port), (await readSmtp(h.db.database.db)).version)).toBe(true);
  const audits = async (action: string) => h.db.database.db.select().from(auditLog).where(eq(auditLog.action, action));

  it('sends a test mail through the saved server, switched off or not, to the office’s own address or the one given', async () => {
    expectError(await testMail(), 409, 'smtp_not_saved');
    const up = mailReceiver(0);
    const port = await up.listening;
    try {
      await saveRelay(port);
      const mine = await testMail();
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().data).toEqual({ sent: true, to: 'wang@example.gov.cn', error: null, message: '邮件服务器已接受测试邮件，发往 wang@example.gov.cn；请到该邮箱查收' });
      const other = await testMail({ recipient: 'liaison@example.gov.cn' }, hq, { 'accept-language': 'en-US' });
      expect(other.json().data.message).toBe('The mail server accepted the test message to liaison@example.gov.cn; check that mailbox');
      expect(up.received.map((m) => m.to)).toEqual(['wang@example.gov.cn', 'liaison@example.gov.cn']);
      expect(up.received[0]).toMatchObject({ subject: '推进提醒：测试邮件', text: expect.stringContaining('由指挥部办公室王主任于') });
      // A mailbox the server refuses: its answer, in words and as it said it.
      const refused = (await testMail({ recipient: REFUSED })).json().data;
      expect(refused).toMatchObject({ sent: false, to: REFUSED, error: expect.stringMatching(/^EENVELOPE: .*550/) });
      expect(refused.message).toMatch(/^测试邮件未发出（发往 moved-away@example\.gov\.cn）：邮件服务器拒绝了收件地址或发件人地址。服务器的回答：EENVELOPE/);
    } finally {
      await up.close();
    }
    // Nothing queued: a test goes at once or not at all.
    expect(await h.db.database.db.select().from(notificationDeliveries)).toEqual([]);
    const records = await audits('smtp_channel.tested');
    expect(records.map((r) => r.after)).toEqual([
      expect.objectContaining({ to: 'wang@example.gov.cn', sent: true, error: null }),
      expect.objectContaining({ to: 'liaison@example.gov.cn', sent: true }),
      expect.objectContaining({ to: REFUSED, sent: false, error: expect.stringContaining('550') }),
    ]);
  });

  it('says so clearly when the server is down or silent, within seconds, never a 500', async () => {
    // The receiver's port, freed: nothing listens there now.
    const probe = mailReceiver(0);
    const port = await probe.listening;
    await probe.close();
    await saveRelay(port);
    const down = await testMail();
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json().data).toMatchObject({ sent: false, error: expect.stringContaining('ECONNREFUSED') });
    expect(down.json().data.message).toContain('邮件服务器拒绝连接（服务未运行，或地址、端口不对）');
    const en = (await testMail({}, hq, { 'accept-language': 'en-US' })).json().data.message;
    expect(en).toMatch(/^The test message to wang@example\.gov\.cn was not sent: the mail server refused the connection/);

    const silent = mailReceiver(0, { silent: true });
    const silentPort = await silent.listening;
    try {
      await saveRelay(silentPort);
      const started = Date.now();
      const hung = await testMail();
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(hung.json().data).toMatchObject({ sent: false });
      expect(hung.json().data.message).toContain('邮件服务器在限定时间内没有应答');
    } finally {
      await silent.close();
    }
  }, 20_000);

  it('refuses a bad address naming the field, and asks for one when the office has none', async () => {
    for (const recipient of ['not-an-address', 'a@example.gov.cn\r\nBcc: all@example.gov.cn', 'a\uD800@example.gov.cn', 42]) {
      const e = expectError(await testMail({ recipient }), 400, 'validation');
      expect(Object.keys(e.fields ?? {})).toEqual(['recipient']);
      expect(e.message).toContain('收件地址');
    }
    expect(expectError(await testMail({ to: 'a@example.gov.cn' }), 400).fields).toHaveProperty('to');
    const noMail = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'hq_office' }]));
    const e = expectError(await testMail({}, noMail), 400, 'smtp_test_no_address');
    expect(e.fields).toEqual({ recipient: '收件地址：您的账号没有电子邮箱，请填写收件地址' });
  });

  it('posts a test message to a WeCom or DingTalk group robot and says what the platform answered', async () => {
    const unitId = (await makeUnit(h.db.database)).id;
    const [wecom, dingtalk, badSign] = await h.db.database.db
      .insert(notificationChannels)
      .values([
        { kind: 'wecom', name: '建设街道工作群', url: `${robotBase}/cgi-bin/webhook/send?key=wecom-key`, unitId },
        { kind: 'dingtalk', name: '建设街道钉钉群', url: `${robotBase}/robot/send?access_token=ding-token`, secret: SECRET, unitId },
        { kind: 'dingtalk', name: '密钥填错的群', url: `${robotBase}/robot/send?access_token=ding-token`, secret: 'wrong', unitId },
      ])
      .returning({ id: notificationChannels.id });
    const test = (id: string, s = hq) => send(h.app, { method: 'POST', url: `/api/notification-channels/robots/${id}/test` }, s);
    // The WeCom receiver is busy at its first request: the answer shows the platform's own words.
    const busy = (await test(wecom!.id)).json().data;
    expect(busy).toMatchObject({ sent: false, to: null, error: 'HTTP 500 {"errcode":-1,"errmsg":"busy"}' });
    expect(busy.message).toBe('群机器人“建设街道工作群”未接受测试消息：HTTP 500 {"errcode":-1,"errmsg":"busy"}');
    expect((await test(wecom!.id)).json().data).toMatchObject({ sent: true, message: '群机器人“建设街道工作群”已接受测试消息，请到群里查看' });
    expect((await test(dingtalk!.id)).json().data).toMatchObject({ sent: true });
    expect((await test(badSign!.id)).json().data).toMatchObject({ sent: false, error: 'errcode 310000 sign not match' });
    expect(robots.received.map((r) => r.path)).toEqual(['/cgi-bin/webhook/send', '/robot/send']);
    expect(robots.received[1]!.body.markdown).toMatchObject({ title: '推进提醒', text: expect.stringContaining('测试消息') });
    expect((await audits('notification_channel.tested')).map((r) => [r.entityId, (r.after as { sent: boolean }).sent])).toEqual([
      [wecom!.id, false],
      [wecom!.id, true],
      [dingtalk!.id, true],
      [badSign!.id, false],
    ]);
    expectError(await test('inbox'), 400);
    expectError(await test(crypto.randomUUID()), 404, 'not_found');
  });

  it('keeps both tests from every other role', async () => {
    for (const role of ['liaison', 'unit_head', 'leader', 'inspector', 'sysadmin', 'secadmin', 'auditor'] as const) {
      const s = await loginAs(h.app, await makeUser(h.db.database, [{ role }], { email: 'x@example.gov.cn' }));
      expect((await testMail({}, s)).statusCode, role).toBe(403);
      expect((await send(h.app, { method: 'POST', url: `/api/notification-channels/robots/${crypto.randomUUID()}/test` }, s)).statusCode, role).toBe(403);
    }
  });
});
