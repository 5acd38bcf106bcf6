import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/enums.js';
import { DEFAULT_LADDER } from '../../domain/reminders/ladder.js';
import { notifications } from '../db/schema/index.js';
import { runReminders } from '../jobs/reminderJob.js';
import { auditMark, expectError, recordsSince, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { makeMessage } from '../testing/inboxCalls.js';
import { makeLedgerEntry } from '../testing/inspectionCalls.js';

describe.each(DATABASE_KINDS)('the inbox and the reminder settings on %s', (kind) => {
  let h: Harness;
  let unitId: string;
  let liaison: { id: string; session: Session };
  let head: { id: string; session: Session };
  let hq: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    unitId = (await makeUnit(h.db.database)).id;
    const person = async (role: 'liaison' | 'unit_head') => {
      const u = await makeUser(h.db.database, [{ role }], { unitId });
      return { id: u.id, session: await loginAs(h.app, u) };
    };
    liaison = await person('liaison');
    head = await person('unit_head');
    hq = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'hq_office' }]));
  });
  afterAll(async () => h?.close());

  const get = (url: string, s: Session) => send(h.app, { method: 'GET', url }, s);
  const unread = async (s: Session) => (await get('/api/inbox/unread', s)).json().data.unread as number;

  it('lists one’s own messages newest first with the unread count, and reads them', async () => {
    const older = await makeMessage(h.db.database, liaison.id, { day: '2026-06-10', unitId });
    const newer = await makeMessage(h.db.database, liaison.id, { day: '2026-06-11', unitId });
    await h.db.database.db.update(notifications).set({ createdAt: new Date('2026-06-10T01:00:00Z') }).where(eq(notifications.id, older));
    expect(await unread(liaison.session)).toBe(2);
    const list = (await get('/api/inbox?perPage=1', liaison.session)).json();
    expect(list.page).toEqual({ page: 1, perPage: 1, total: 2 });
    expect(list.data[0]).toMatchObject({ id: newer, kind: 'digest', readAt: null, title: '今日提醒 1 项：催报 1 项', items: [{ code: 'T-1', step: 'urge', unitId, period: '2026-05' }] });
    expect(list.data[0].items[0].unitName).toBeTruthy();
    const mark = await auditMark(h.db.database);
    const read = await send(h.app, { method: 'POST', url: `/api/inbox/${newer}/read` }, liaison.session);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().data.readAt).not.toBeNull();
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
    expect(await unread(liaison.session)).toBe(1);
    // Reading it again changes nothing and records nothing.
    const again = await auditMark(h.db.database);
    expect((await send(h.app, { method: 'POST', url: `/api/inbox/${newer}/read` }, liaison.session)).statusCode).toBe(200);
    expect(await recordsSince(h.db.database, again)).toEqual({ changes: 0, refusals: 0 });
    expect((await get('/api/inbox?unread=true', liaison.session)).json().data.map((m: { id: string }) => m.id)).toEqual([older]);
    expect((await send(h.app, { method: 'POST', url: '/api/inbox/read-all' }, liaison.session)).json().data.marked).toBe(1);
    expect(await unread(liaison.session)).toBe(0);
    expect((await get('/api/inbox?lang=x', liaison.session)).statusCode).toBe(400);
  });

  it('answers 404 for another person’s message, and changes nothing', async () => {
    const theirs = await makeMessage(h.db.database, head.id, { unitId });
    const res = await send(h.app, { method: 'POST', url: `/api/inbox/${theirs}/read` }, liaison.session);
    expectError(res, 404, 'not_found');
    const [row] = await h.db.database.db.select().from(notifications).where(eq(notifications.id, theirs));
    expect(row!.readAt).toBeNull();
    expect((await get('/api/inbox', liaison.session)).json().data.map((m: { id: string }) => m.id)).not.toContain(theirs);
    expectError(await send(h.app, { method: 'POST', url: `/api/inbox/${crypto.randomUUID()}/read` }, liaison.session), 404, 'not_found');
    expectError(await send(h.app, { method: 'POST', url: '/api/inbox/not-a-uuid/read' }, liaison.session), 400);
  });

  it('delivers a 督查 notice to the unit’s liaison and head, who acknowledge it', async () => {
    const inspector = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'inspector' }]));
    const entry = await makeLedgerEntry(h.db.database, unitId, { over: { deadline: '2026-01-05' } });
    const before = await unread(head.session);
    const issued = await send(h.app, { method: 'POST', url: '/api/notices', payload: { subject: { type: 'ledger', id: entry.id } } }, inspector);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(await unread(head.session)).toBe(before + 1);
    const [msg] = (await get('/api/inbox?unread=true&perPage=1', liaison.session)).json().data;
    // It names what it is about, for the inbox to open: the late ledger finding.
    expect(msg).toMatchObject({ kind: 'notice', notice: { id: issued.json().data.id, status: 'sent', subjectType: 'ledger', subjectId: entry.id } });
    expect(msg.title).toMatch(/督查 (蓝|黄|红)色(催办|督办)单 督(催|办)〔\d{4}〕\d+号：/);
    const liaisonUnread = await unread(liaison.session);
    const headUnread = await unread(head.session);
    const ack = await send(h.app, { method: 'POST', url: `/api/notices/${msg.notice.id}/acknowledge`, payload: { version: 0 } }, liaison.session);
    expect(ack.statusCode, ack.body).toBe(200);
    // Signing for it is reading it: gone from the liaison's unread count, still in the head's.
    expect(await unread(liaison.session)).toBe(liaisonUnread - 1);
    expect(await unread(head.session)).toBe(headUnread);
  });

  it('lets the HQ office set the ladder, refusing bad settings by field, and read the delivery log', async () => {
    const read = (await get('/api/notification-channels', hq)).json();
    expect(read.data).toMatchObject({ ladder: DEFAULT_LADDER, channels: [{ kind: 'inbox' }] });
    const put = (payload: Record<string, unknown>) => send(h.app, { method: 'PUT', url: '/api/notification-channels', payload }, hq);
    const good = { version: read.data.version, daysBefore: 2, lateRemind: 1, lateUrge: 4, lateSupervise: 8 };
    const bad = [
      [{ ...good, daysBefore: -1 }, 'daysBefore', '到期前提醒'],
      [{ ...good, lateSupervise: 10_000 }, 'lateSupervise', '督办'],
      [{ ...good, lateUrge: 1 }, 'lateUrge', '催报/催办（逾期工作日） 须大于上一级的逾期工作日数'],
      [{ ...good, lateSupervise: 3 }, 'lateSupervise', '督办'],
      [{ ...good, lateRemind: 1.5 }, 'lateRemind', '逾期提醒'],
    ] as const;
    for (const [payload, field, words] of bad) {
      const e = expectError(await put(payload), 400, 'validation');
      expect(Object.keys(e.fields ?? {}), JSON.stringify(payload)).toContain(field);
      expect(e.message).toContain(words);
    }
    const saved = await put(good);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.ladder).toEqual({ daysBefore: 2, lateRemind: 1, lateUrge: 4, lateSupervise: 8 });
    expectError(await put(good), 409, 'version_conflict');
    // English second: the same refusal in the reader's language.
    const en = await send(h.app, { method: 'PUT', url: '/api/notification-channels', payload: { ...good, version: 2, lateUrge: 1 }, headers: { 'accept-language': 'en-US' } }, hq);
    expect(expectError(en, 400).message).toContain('Chase');

    await runReminders(h.db.database);
    const log = (await get('/api/notifications?perPage=100', hq)).json();
    expect(log.page.total).toBeGreaterThan(0);
    expect(log.data.find((d: { userId: string; kind: string }) => d.userId === head.id && d.kind === 'notice')).toMatchObject({ channel: 'inbox', status: 'sent', unitName: expect.any(String) });
  });

  it('lets the HQ office add a unit’s group robot, only at the platforms’ own addresses, and never shows its secret', async () => {
    const robot = (payload: Record<string, unknown>) => send(h.app, { method: 'POST', url: '/api/notification-channels/robots', payload }, hq);
    const ding = { kind: 'dingtalk', name: '建设街道钉钉群', unitId, url: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123', secret: 'SEC0123456789abcdef0123456789' };
    for (const [payload, field] of [
      [{ ...ding, url: 'http://127.0.0.1:5432/robot/send?access_token=0123456789abcdef0123' }, 'url'],
      [{ ...ding, kind: 'wecom' }, 'url'],
      [{ ...ding, secret: undefined }, 'secret'],
    ] as const) {
      const e = expectError(await robot(payload), 400, 'validation');
      expect(Object.keys(e.fields ?? {})).toEqual([field]);
      expect(e.message).toMatch(/^输入有误：(Webhook 地址|加签密钥) 须为(钉钉|企业微信)/);
    }
    expectError(await robot({ ...ding, unitId: crypto.randomUUID() }), 422);
    const added = await robot(ding);
    expect(added.statusCode, added.body).toBe(200);
    const listed = added.json().data.channels.find((c: { kind: string }) => c.kind === 'dingtalk');
    expect(listed).toMatchObject({ name: '建设街道钉钉群', unitId, address: 'oapi.dingtalk.com/robot/send?access_token=0123…' });
    expect(added.body).not.toContain('SEC0123');
    expect(added.body).not.toContain('0123456789abcdef0123');
    const removed = await send(h.app, { method: 'DELETE', url: `/api/notification-channels/robots/${listed.id}` }, hq);
    expect(removed.json().data.channels.map((c: { kind: string }) => c.kind)).toEqual(['inbox']);
    expectError(await send(h.app, { method: 'DELETE', url: `/api/notification-channels/robots/${listed.id}` }, hq), 404);
  });

  it('keeps the settings and the log from every other role', async () => {
    for (const role of ROLES.filter((r) => r !== 'hq_office')) {
      const s = await loginAs(h.app, await makeUser(h.db.database, [{ role }]));
      for (const [method, url] of [['GET', '/api/notification-channels'], ['PUT', '/api/notification-channels'], ['GET', '/api/notifications']] as const) {
        const res = await send(h.app, { method, url, ...(method === 'PUT' ? { payload: { version: 0, ...DEFAULT_LADDER } } : {}) }, s);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
  });
});
