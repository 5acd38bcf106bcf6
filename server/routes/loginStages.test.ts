// The attack: an admin gives the password and stops before the second factor, then calls anything
// else (the password change that used to answer `stage: ok`, the audit log). Every route that is not
// the next step of the login is refused until that step is done.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStage } from '../../domain/schemas/auth.js';
import { users } from '../db/schema/index.js';
import { expectError, send, type Method } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { sampleUrl, servedRoutes } from '../testing/servedRoutes.js';
import { PUBLIC_COMPLAINT_ROUTES } from '../testing/complaintCalls.js';
import { PUBLIC_PORTAL_ROUTES } from '../testing/publicityCalls.js';

/** What each unfinished stage may call, written from the rule (not read from the routes). */
const NEXT_STEPS: Record<Exclude<SessionStage, 'ok'>, string[]> = {
  totp_verify: ['GET /api/me', 'POST /api/auth/logout', 'POST /api/auth/totp/verify', 'POST /api/auth/totp/recover'],
  change_password: ['GET /api/me', 'POST /api/auth/logout', 'POST /api/auth/password'],
  totp_enrol: ['GET /api/me', 'POST /api/auth/logout', 'POST /api/auth/totp/setup', 'POST /api/auth/totp/enrol'],
};
const PUBLIC = ['GET /api/health', 'GET /metrics', 'POST /api/auth/login', ...PUBLIC_COMPLAINT_ROUTES, ...PUBLIC_PORTAL_ROUTES];

describe.each(DATABASE_KINDS)('a login that has not finished its stages on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  /** Signs in with the password only: the session stops at its first stage. */
  const halfLogin = async (account: string, password: string): Promise<Session & { stage: SessionStage }> => {
    const res = await send(h.app, { method: 'POST', url: '/api/auth/login', payload: { account, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const { csrfToken, stage } = res.json().data as { csrfToken: string; stage: SessionStage };
    return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken }, stage };
  };

  const users_ = {
    totp_verify: async () => makeUser(h.db.database, [{ role: 'auditor' }]),
    change_password: async () => makeUser(h.db.database, [{ role: 'liaison' }], { mustChangePassword: true }),
    totp_enrol: async () => {
      const u = await makeUser(h.db.database, [{ role: 'secadmin' }]);
      await h.db.database.db.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, u.id));
      return u;
    },
  };

  it.each(Object.keys(NEXT_STEPS) as (keyof typeof NEXT_STEPS)[])('at %s, every route but the next step answers 403 stage_required', async (stage) => {
    const u = await users_[stage]();
    const s = await halfLogin(u.account, u.password);
    expect(s.stage).toBe(stage);
    const refused: string[] = [];
    const allowed: string[] = [];
    for (const key of servedRoutes(h.app, { docs: true })) {
      if (PUBLIC.includes(key) || key === 'POST /api/auth/logout') continue;
      const [method, path] = key.split(' ') as [Method, string];
      const res = await send(h.app, { method, url: sampleUrl(path, () => randomUUID()), ...(method === 'GET' ? {} : { payload: {} }) }, s);
      const body = String(res.headers['content-type']).includes('json') ? res.json() : {};
      if (res.statusCode === 403 && body.error?.code === 'stage_required') refused.push(key);
      else allowed.push(key);
    }
    expect(allowed.sort()).toEqual(NEXT_STEPS[stage].filter((k) => k !== 'POST /api/auth/logout').sort());
    expect(refused.length).toBeGreaterThan(80);
    // Still at the same stage, and signing out still works.
    expect((await send(h.app, { method: 'GET', url: '/api/me' }, s)).json().data.stage).toBe(stage);
    expect((await send(h.app, { method: 'POST', url: '/api/auth/logout' }, s)).statusCode).toBe(200);
  });

  it('tells a signed-in session that asks for a login step again that nothing is missing (not "请先完成ok")', async () => {
    const auditor = await makeUser(h.db.database, [{ role: 'auditor' }]);
    const s = await halfLogin(auditor.account, auditor.password);
    const code = await generate({ secret: auditor.totpSecret! });
    expect((await send(h.app, { method: 'POST', url: '/api/auth/totp/verify', payload: { code } }, s)).statusCode).toBe(200);
    const again = await send(h.app, { method: 'POST', url: '/api/auth/totp/verify', payload: { code } }, s);
    expect(expectError(again, 403, 'stage_done').message).toBe('登录验证已全部完成，无需再做此步');
  });

  it('refuses the password change to a session still owing its second factor, which stays owed; the audit log stays shut', async () => {
    const auditor = await makeUser(h.db.database, [{ role: 'auditor' }]);
    const s = await halfLogin(auditor.account, auditor.password);
    expect(s.stage).toBe('totp_verify');
    const change = await send(h.app, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: auditor.password, newPassword: 'Quite-Another-Pass-93' } }, s);
    expect(expectError(change, 403, 'stage_required').message).toBe('请先完成动态验证码验证');
    expect((await send(h.app, { method: 'GET', url: '/api/me' }, s)).json().data.stage).toBe('totp_verify');
    expectError(await send(h.app, { method: 'GET', url: '/api/audit' }, s), 403, 'stage_required');
    // The password was not changed: the old one still opens the account.
    expect((await halfLogin(auditor.account, auditor.password)).stage).toBe('totp_verify');
  });
});
