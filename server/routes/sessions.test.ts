import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageCachedSessionsForTests, forgetCachedSessions } from '../security/sessions.js';
import { SESSION_CACHE_MS } from '../security/sessionCache.js';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, type MadeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

describe.each(DATABASE_KINDS)('sessions, headers and languages on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const me = (s: Session | null, headers: Record<string, string> = {}) => send(h.app, { method: 'GET', url: '/api/me', headers }, s);
  /**
   * Moves the user's session clock back: `column` set to `minutes` ago. Done in the database behind
   * the server's back, so its cached copy of the session is forgotten (the server would see it
   * within SESSION_CACHE_MS anyway).
   */
  const age = async (u: MadeUser, column: 'last_seen_at' | 'created_at', minutes: number) => {
    await h.db.database.db.execute(sql`UPDATE sessions SET ${sql.raw(column)} = now() - make_interval(mins => ${minutes}) WHERE user_id = ${u.id}`);
    forgetCachedSessions(h.db.database);
  };

  it('ends a session left idle for more than 30 minutes, and keeps one used within them', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    await age(u, 'last_seen_at', 29);
    expect((await me(s)).statusCode).toBe(200);
    // That request counted as activity: the idle clock starts again.
    const seen = (await h.db.database.db.execute(sql`SELECT extract(epoch from now() - last_seen_at) AS idle FROM sessions WHERE user_id = ${u.id}`)) as unknown as {
      rows: { idle: string }[];
    };
    expect(Number(seen.rows[0]!.idle)).toBeLessThan(60);

    await age(u, 'last_seen_at', 31);
    const expired = await me(s);
    expect(expectError(expired, 401, 'session_expired').message).toBe('会话已过期，请重新登录');
    expect(expired.cookies.find((c) => c.name === 'tuijin_sid')?.value).toBe('');
    expectError(await me(s), 401);
  });

  it('sees a change to a user made by this server on their very next request, and one made behind its back within the session cache', async () => {
    const sys = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    const reports = () => send(h.app, { method: 'GET', url: '/api/reports' }, s);
    expect((await reports()).statusCode).toBe(200);
    const patched = await send(h.app, { method: 'PATCH', url: `/api/users/${u.id}`, payload: { version: 0, roles: [{ role: 'oversight' }] } }, sys);
    expect(patched.statusCode, patched.body).toBe(200);
    expectError(await reports(), 403, 'forbidden');
    // As another server process on the same database would: this one sees it once its copy is older than SESSION_CACHE_MS.
    await h.db.database.db.execute(sql`UPDATE sessions SET ended_at = now() WHERE user_id = ${u.id}`);
    ageCachedSessionsForTests(h.db.database, SESSION_CACHE_MS);
    expectError(await me(s), 401);
  });

  it('ends a session 12 hours after login however busy it was', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    await age(u, 'created_at', 11 * 60);
    expect((await me(s)).statusCode).toBe(200);
    await age(u, 'created_at', 13 * 60);
    expect(expectError(await me(s, { 'accept-language': 'en-US' }), 401, 'session_expired').message).toBe('Your session has expired; please log in again');
  });

  it('sends security headers on API answers, errors included', async () => {
    for (const res of [await send(h.app, { method: 'GET', url: '/api/health' }), await me(null)]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers in English to Accept-Language en and to the lang=en-US cookie, which wins over the header', async () => {
    // A new unknown account each time: five failures on one would lock it, as they would a real one.
    let n = 0;
    const login = (headers: Record<string, string>) => send(h.app, { method: 'POST', url: '/api/auth/login', headers, payload: { account: `nobody_here_${n++}`, password: 'x' } });
    expect(expectError(await login({}), 401).message).toBe('账号或密码错误');
    expect(expectError(await login({ 'accept-language': 'en' }), 401).message).toBe('Wrong account or password');
    expect(expectError(await login({ cookie: 'lang=en-US' }), 401).message).toBe('Wrong account or password');
    expect(expectError(await login({ cookie: 'lang=zh-CN', 'accept-language': 'en-US' }), 401).message).toBe('账号或密码错误');
    expect(expectError(await login({ 'accept-language': 'fr-FR, en;q=0.5' }), 401).message).toBe('账号或密码错误');

    const bad = await send(h.app, { method: 'POST', url: '/api/auth/login', headers: { cookie: 'lang=en-US' }, payload: { account: '' } });
    expect(expectError(bad, 400, 'validation').fields).toEqual({ account: 'must be at least 1 characters', password: 'is required' });
    expect(expectError(await me(null, { 'accept-language': 'en' }), 401, 'unauthenticated').message).toBe('Please log in');
  });

  it('answers an unknown API path and a malformed URL in the house error shape', async () => {
    const s = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }]));
    expect(expectError(await send(h.app, { method: 'GET', url: '/api/no-such-thing' }, s), 404, 'not_found').message).toBe('记录不存在');
    expect(expectError(await send(h.app, { method: 'GET', url: '/api/units/a/b', headers: { 'accept-language': 'en' } }, s), 404).message).toBe('Record not found');
    expectError(await send(h.app, { method: 'GET', url: '/api/no-such-thing' }, null), 401, 'unauthenticated');
    const malformed = await send(h.app, { method: 'GET', url: '/api/units/%E0%A4%A', headers: { 'accept-language': 'en' } }, s);
    expect(expectError(malformed, 400, 'bad_request').message).toBe('Bad request');
  });

  it('refuses a write whose CSRF token is missing or belongs to another session', async () => {
    const s = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    const other = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }]));
    const payload = { code: 'csrf_unit', name: '跨站单位', kind: 'town' };
    expectError(await send(h.app, { method: 'POST', url: '/api/units', headers: { cookie: s.cookie }, payload }), 403, 'csrf');
    const forged = await send(h.app, { method: 'POST', url: '/api/units', headers: { cookie: s.cookie, 'x-csrf-token': other.csrf }, payload });
    expect(expectError(forged, 403, 'csrf').message).toBe('请求校验失败，请刷新页面后重试');
  });
});
