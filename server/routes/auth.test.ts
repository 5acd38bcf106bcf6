import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, TEST_PASSWORD } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { verifyAuditChain } from '../audit.js';

describe.each(DATABASE_KINDS)('auth on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  it('reports health', async () => {
    const res = await h.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', failingJobs: [] });
    // The server times itself for devtools and the benchmark.
    expect(res.headers['server-timing']).toMatch(/^app;dur=\d+\.\d$/);
  });

  it('logs in by account and by mobile, shows /api/me, logs out on the server', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }], { mobile: '13800001111' });
    const s = await loginAs(h.app, u);
    const me = await h.app.inject({ url: '/api/me', headers: s.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().data).toMatchObject({ account: u.account, stage: 'ok', roles: [{ role: 'liaison' }] });
    expect(me.headers['set-cookie']).toBeUndefined();

    const byMobile = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: '13800001111', password: TEST_PASSWORD } });
    expect(byMobile.statusCode).toBe(200);
    const cookie = byMobile.cookies.find((c) => c.name === 'tuijin_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');

    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    const after = await h.app.inject({ url: '/api/me', headers: s.headers });
    expect(after.statusCode).toBe(401);
  });

  it('answers a wrong password with 401 in the request language', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const zh = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: u.account, password: 'nope' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toEqual({ code: 'invalid_credentials', message: '账号或密码错误' });
    const en = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { account: u.account, password: 'nope' },
    });
    expect(en.json().error.message).toBe('Wrong account or password');
  });

  it('names the fields of a malformed body', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: 'x', pass: 'y' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ password: '必填', pass: '不允许的字段' });
  });

  it('locks an account after 5 failures and says until when', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: u.account, password: 'wrong' } });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: u.account, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    const err = locked.json().error;
    expect(err.code).toBe('account_locked');
    const until = new Date(err.unlocksAt).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(err.message).toContain('锁定');
    // The message names the district's wall-clock time (UTC+8), not a machine timestamp.
    const wall = new Date(until + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(err.message).toContain(wall);
  });

  it('refuses a write without the CSRF token', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('keeps the audit chain intact through all of it', async () => {
    const v = await verifyAuditChain(h.db.database.db);
    expect(v).toMatchObject({ intact: true, firstBrokenId: null });
    expect(v.checked).toBeGreaterThan(10);
  });
});
