import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { expectError } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeUser, type MadeUser } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { freshTotpCode } from '../testing/totpCodes.js';
import type { App } from '../app.js';

/**
 * The security issue's items 4 and 12, as the attacker did them: 355 unauthenticated logins locked
 * all 71 accounts in 7 s (secadmin included) and 1,000 parallel logins got no 429 while the
 * embedded database stopped answering health probes. Production limits here (authLimits {}).
 */
describe.each(DATABASE_KINDS)('login throttling on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { authLimits: {} });
  });
  afterAll(async () => h?.close());

  const login = (app: App, from: string, account: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: from, headers, payload: { account, password } });

  /** The owner's full login from their own address, second factor included. */
  const ownerLogin = async (u: MadeUser, from: string) => {
    const res = await login(h.app, from, u.account, u.password);
    expect(res.statusCode, `${u.account}: ${res.body}`).toBe(200);
    if (res.json().data.stage !== 'totp_verify') return res.json().data.stage as string;
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const headers = { cookie, 'x-csrf-token': res.json().data.csrfToken as string };
    const v = await h.app.inject({ method: 'POST', url: '/api/auth/totp/verify', remoteAddress: from, headers, payload: { code: await freshTotpCode(u.totpSecret!) } });
    expect(v.statusCode, v.body).toBe(200);
    return v.json().data.stage as string;
  };

  it('throttles one address spraying wrong passwords at every account, and locks nobody out from their own address (secadmin included)', async () => {
    const owners = [await makeUser(h.db.database, [{ role: 'secadmin' }]), await makeUser(h.db.database, [{ role: 'sysadmin' }])];
    for (let i = 0; i < 22; i++) owners.push(await makeUser(h.db.database, [{ role: 'liaison' }]));
    const answers: number[] = [];
    for (let round = 0; round < 5; round++) for (const u of owners) answers.push((await login(h.app, '203.0.113.66', u.account, `Guess-${round}-x`)).statusCode);
    // 30 attempts a minute from one address; the rest of the spray is refused without a password check.
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(answers.length - 30);
    const refused = await login(h.app, '203.0.113.66', owners[0]!.account, owners[0]!.password, { 'accept-language': 'en' });
    const e = expectError(refused, 429, 'rate_limited');
    expect(e.message).toBe('Too many requests; try again later');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    for (const [i, u] of owners.entries()) expect(await ownerLogin(u, `198.51.100.${i + 1}`)).toBe('ok');
    // The refusal is on record once per window, not once per refused request.
    const audited = await h.db.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'auth.rate_limited'`);
    expect((audited as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('locks an account for the address that guessed, with a lock that doubles at each guess after it', async () => {
    const u = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(h.app, '192.0.2.7', u.account, 'Wrong-Pass-1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    expectError(await login(h.app, '192.0.2.7', u.account, u.password), 429, 'account_locked');
    expect(await ownerLogin(u, '192.0.2.8')).toBe('ok');
    // The first lock (15 minutes) is over: the next wrong guess locks for 30, the one after for 60.
    for (const minutes of [30, 60]) {
      await h.db.database.db.execute(sql`update login_failures set at = at - interval '${sql.raw(String(minutes))} minutes' where user_id = ${u.id}`);
      const locked = expectError(await login(h.app, '192.0.2.7', u.account, 'Wrong-Pass-1'), 429, 'account_locked');
      const left = (new Date(locked.unlocksAt!).getTime() - Date.now()) / 60_000;
      expect(left).toBeGreaterThan(minutes - 1);
      expect(left).toBeLessThanOrEqual(minutes);
    }
  });

  it('counts attempts in the database: two servers on one database share the per-address limit', async () => {
    const other = await buildApp({ database: h.db.database, logLevel: 'silent' });
    try {
      const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push((await login(h.app, '203.0.113.99', u.account, u.password)).statusCode);
        statuses.push((await login(other, '203.0.113.99', u.account, u.password)).statusCode);
      }
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(30)).toEqual(Array(10).fill(429));
    } finally {
      await other.close();
    }
  });

  it('behind a named reverse proxy, tells clients apart by X-Forwarded-For, and believes the header from that proxy only', async () => {
    const proxied = await buildApp({ database: h.db.database, logLevel: 'silent', trustProxy: ['127.0.0.1'] });
    try {
      const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
      const via = (client: string, password: string, remote = '127.0.0.1') =>
        proxied.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: remote, headers: { 'x-forwarded-for': client }, payload: { account: u.account, password } });
      for (let i = 0; i < 5; i++) await via('198.18.0.66', 'Wrong-Pass-1');
      expectError(await via('198.18.0.66', u.password), 429, 'account_locked');
      expect((await via('198.18.0.7', u.password)).statusCode).toBe(200);
      // Sent straight to the server, the header is the sender's claim: the failures are the sender's.
      for (let i = 0; i < 5; i++) await via('198.18.0.7', 'Wrong-Pass-1', '203.0.113.5');
      expect((await via('198.18.0.7', u.password)).statusCode).toBe(200);
      expectError(await via('198.18.0.7', u.password, '203.0.113.5'), 429, 'account_locked');
    } finally {
      await proxied.close();
    }
  });

  it('limits all addresses together too', async () => {
    const tight = await buildApp({ database: h.db.database, logLevel: 'silent', authLimits: { overallPerMinute: 20 } });
    try {
      // A window of its own: the earlier tests' attempts are in the overall count already.
      await h.db.database.db.execute(sql`delete from rate_counters`);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await login(tight, `100.64.0.${i + 1}`, `nobody_${i}`, 'Wrong-Pass-1')).statusCode);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    } finally {
      await tight.close();
    }
  });

  it('refuses a flood of parallel logins beyond the bounded pool with 429 at once, while health keeps answering', async () => {
    const roomy = await buildApp({ database: h.db.database, logLevel: 'silent', authLimits: { perAddressPerMinute: 1_000_000, overallPerMinute: 1_000_000 } });
    try {
      const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
      let lastLogin = 0;
      const flood = Array.from({ length: 1000 }, (_, i) =>
        login(roomy, `10.9.${i >> 8}.${i & 255}`, u.account, i % 2 ? u.password : 'Wrong-Pass-1').then((r) => {
          lastLogin = performance.now();
          return r;
        }),
      );
      const health = await roomy.inject({ url: '/api/health' });
      const healthAt = performance.now();
      const answers = await Promise.all(flood);
      expect(health.statusCode).toBe(200);
      expect(healthAt).toBeLessThan(lastLogin);
      const limited = answers.filter((r) => r.statusCode === 429);
      expect(limited.length).toBeGreaterThan(500);
      expect(answers.some((r) => r.statusCode === 200)).toBe(true);
      expect(answers.every((r) => [200, 401, 429].includes(r.statusCode))).toBe(true);
      const e = expectError(limited[0]!, 429, 'rate_limited');
      expect(e.message).toBe('请求过于频繁，请稍后再试');
      expect(limited[0]!.headers['retry-after']).toBe('1');
    } finally {
      await roomy.close();
    }
  });
});
