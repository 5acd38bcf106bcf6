// The attack of issue 16, item 1: `POST /api/auth/login` with {"account":"\ud800"} answered 500 and
// left a staged audit record PostgreSQL could not read, after which every audited write failed and
// the server could not start. Signed in, `POST /api/reports/:id/return` with {"reason":"x\ud800"} did
// the same. Now such text is refused as bad input, naming the field, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPending } from '../db/schema/index.js';
import { expectError, send, snapshot } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { dayFrom, reportingApi, thisMonth } from '../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District } from '../testing/workFactories.js';

/** As an attacker's client sends them: JSON's \uXXXX escapes, so the body itself is valid JSON. */
const raw = (json: string) => ({ headers: { 'content-type': 'application/json' }, payload: json });

describe.each(DATABASE_KINDS)('text the system cannot store, on %s', (kind) => {
  let h: Harness;
  let d: District;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  it('a login with a lone surrogate is a 400 naming the account; nothing is staged, and logins and writes go on', async () => {
    const before = await snapshot(h.db.database);
    for (const account of ['\\ud800', 'x\\udc00', '\\u0000', 'adm\\u202ein']) {
      const res = await send(h.app, { method: 'POST', url: '/api/auth/login', ...raw(`{"account":"${account}","password":"x"}`) });
      const e = expectError(res, 400, 'validation');
      expect(e.fields).toEqual({ account: '不能包含控制字符、无效字符或文字方向控制符' });
      expect(e.message).toContain('账号');
    }
    const en = await send(h.app, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'accept-language': 'en-US' }, payload: '{"account":"\\ud800","password":"x"}' });
    expect(expectError(en, 400).fields).toEqual({ account: 'must not contain control characters, invalid characters or text-direction controls' });
    expect(await snapshot(h.db.database)).toEqual(before);
    expect(await h.db.database.db.select().from(auditPending)).toEqual([]);
    // The next login and the next write work, each with its audit record linked.
    const u = await makeUser(h.db.database, [{ role: 'sysadmin' }]);
    const s = await loginAs(h.app, u);
    const created = await send(h.app, { method: 'POST', url: '/api/regions', payload: { code: `r${Date.now()}`, name: '新区' } }, s);
    expect(created.statusCode, created.body).toBe(200);
  });

  it('a report returned with "x\\ud800" as its reason is a 400 naming the reason, and the report stays where it was', async () => {
    const api = reportingApi(h.app, h.db.database);
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-60), deadline: dayFrom(60) });
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), text: '完成选址', percent: '40' })).json().data;
    await api.step(d.liaisonA, report.id, 'submit');
    const before = await snapshot(h.db.database);
    for (const reason of ['x\\ud800', '\\udfff', '退回\\u0000', '\\u2067理由']) {
      const res = await send(h.app, { method: 'POST', url: `/api/reports/${report.id}/return`, ...raw(`{"reason":"${reason}"}`) }, d.headA.session);
      expect(expectError(res, 400, 'validation').fields).toEqual({ reason: '不能包含控制字符、无效字符或文字方向控制符' });
    }
    expect(await snapshot(h.db.database)).toEqual(before);
    await api.step(d.headA, report.id, 'return', { reason: '请补充现场照片' });
  });

  it('refuses such text in a key, in a nested value, in the query and in a path parameter', async () => {
    const s = d.hq.session;
    const cases: [string, string, string, string | undefined][] = [
      ['POST', '/api/reports', '{"itemType":"task","\\ud800":1}', '\\ud800'],
      ['POST', '/api/reports', '{"itemType":"task","blockers":[{"title":"x\\u0007"}]}', 'blockers.0.title'],
      ['GET', '/api/tasks?q=%E2%80%AE', '', 'q'],
      ['GET', '/api/tasks?q=a%00b', '', 'q'],
      ['GET', `/api/units/%E2%80%AE`, '', 'id'],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await send(h.app, { method: method as 'GET', url, ...(payload ? raw(payload) : {}) }, s);
      expect(expectError(res, 400, 'validation').fields, url).toHaveProperty([field!]);
    }
  });
});
