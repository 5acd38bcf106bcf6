import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount } from '../audit.js';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { freshTotpCode } from '../testing/totpCodes.js';

/** A code for a step well away from now, so it never falls in the accepted window (now ± 30 s). */
const staleCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });

describe.each(DATABASE_KINDS)('the admins’ second factor on %s', (kind) => {
  let h: Harness;
  let sys: Session;
  let sec: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    sys = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    sec = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'secadmin' }]));
  });
  afterAll(async () => h?.close());

  const post = (url: string, s: Session | null, payload?: unknown) => send(h.app, { method: 'POST', url, ...(payload === undefined ? {} : { payload }) }, s);
  const sessionOf = (res: Awaited<ReturnType<typeof post>>): Session => {
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { cookie, csrf: res.json().data.csrfToken, headers: { cookie, 'x-csrf-token': res.json().data.csrfToken } };
  };

  it('walks a new auditor from the initial password through enrolment to the audit log, then asks for a code at each login', async () => {
    const unit = await makeUnit(h.db.database, { name: '区审计局' });
    const created = await post('/api/users', sys, { account: 'audit_new', displayName: '审计管理员', unitId: unit.id, roles: [{ role: 'auditor' }] });
    // 三员分立: the auditor role takes effect when the secadmin approves, who receives the initial password.
    const approved = await post(`/api/role-proposals/${created.json().data.pendingRoles.proposalId}/approve`, sec);
    expect(approved.statusCode, approved.body).toBe(200);
    const initial = approved.json().initialPassword as string;

    const first = await post('/api/auth/login', null, { account: 'audit_new', password: initial });
    expect(first.json().data.stage).toBe('change_password');
    const s = sessionOf(first);
    const changed = await post('/api/auth/password', s, { currentPassword: initial, newPassword: 'Audit-Pass-77' });
    expect(changed.json()).toEqual({ data: { stage: 'totp_enrol' } });
    expect(expectError(await send(h.app, { method: 'GET', url: '/api/audit' }, s), 403, 'stage_required').message).toBe('请先完成绑定动态验证码');

    expectError(await post('/api/auth/totp/enrol', s, { code: '123456' }), 409, 'totp_not_started');
    const setup = await post('/api/auth/totp/setup', s);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = setup.json().data as { secret: string; qrDataUrl: string; otpauthUrl: string };
    expect(qrDataUrl.startsWith('data:image/png')).toBe(true);
    expect(otpauthUrl).toContain('audit_new');
    expect(otpauthUrl).toContain('issuer=Tuijin');

    const before = await auditCount(h.db.database.db);
    const wrong = expectError(await post('/api/auth/totp/enrol', s, { code: await staleCode(secret) }), 422, 'totp_invalid');
    expect(wrong.message).toBe('动态验证码不正确');
    expect(wrong.fields).toHaveProperty('code');
    expect(await auditCount(h.db.database.db)).toBe(before);
    const enrolled = await post('/api/auth/totp/enrol', s, { code: await freshTotpCode(secret) });
    expect(enrolled.json().data.stage).toBe('ok');
    expect(enrolled.json().data.recoveryCodes).toHaveLength(10);
    expect((await send(h.app, { method: 'GET', url: '/api/audit' }, s)).statusCode).toBe(200);
    expect((await send(h.app, { method: 'GET', url: '/api/me' }, s)).json().data).toMatchObject({ stage: 'ok', totpEnabled: true });
    expectError(await post('/api/auth/totp/setup', s), 409);

    const next = await post('/api/auth/login', null, { account: 'audit_new', password: 'Audit-Pass-77' });
    expect(next.json().data.stage).toBe('totp_verify');
    const s2 = sessionOf(next);
    expectError(await send(h.app, { method: 'GET', url: '/api/audit' }, s2), 403, 'stage_required');
    expectError(await post('/api/auth/totp/verify', s2, { code: await staleCode(secret) }), 422, 'totp_invalid');
    expect((await post('/api/auth/totp/verify', s2, { code: await freshTotpCode(secret) })).json()).toEqual({ data: { stage: 'ok' } });
    expect((await send(h.app, { method: 'GET', url: '/api/audit' }, s2)).statusCode).toBe(200);
  });

  it('counts wrong second-factor codes as failed logins, so guessing codes locks the account', async () => {
    const u = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    const res = await post('/api/auth/login', null, { account: u.account, password: u.password });
    const s = sessionOf(res);
    for (let i = 0; i < 5; i++) expectError(await post('/api/auth/totp/verify', s, { code: await staleCode(u.totpSecret!) }), 422, 'totp_invalid');
    expectError(await post('/api/auth/login', null, { account: u.account, password: u.password }), 429, 'account_locked');
    // The session that guessed may not go on guessing: even the right code is refused while locked.
    const locked = expectError(await post('/api/auth/totp/verify', s, { code: await generate({ secret: u.totpSecret! }) }), 429, 'account_locked');
    expect(locked.unlocksAt).toBeDefined();
    expectError(await send(h.app, { method: 'GET', url: '/api/units' }, s), 403, 'stage_required');
  });

  it('does not forgive wrong codes when the password is entered again (a login counts once the code is right)', async () => {
    const u = await makeUser(h.db.database, [{ role: 'auditor' }]);
    for (const guesses of [3, 2]) {
      const s = sessionOf(await post('/api/auth/login', null, { account: u.account, password: u.password }));
      for (let i = 0; i < guesses; i++) expectError(await post('/api/auth/totp/verify', s, { code: await staleCode(u.totpSecret!) }), 422, 'totp_invalid');
    }
    expectError(await post('/api/auth/login', null, { account: u.account, password: u.password }), 429, 'account_locked');
  });

  it('takes a code once: a replay in another session is refused and counted, and of two sessions racing with one code only one gets in', async () => {
    const u = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    const session = async () => sessionOf(await post('/api/auth/login', null, { account: u.account, password: u.password }));
    const code = await freshTotpCode(u.totpSecret!);
    const [a, b] = [await session(), await session()];
    expect((await post('/api/auth/totp/verify', a, { code })).json()).toEqual({ data: { stage: 'ok' } });
    const replay = expectError(await send(h.app, { method: 'POST', url: '/api/auth/totp/verify', headers: { 'accept-language': 'en' }, payload: { code } }, b), 422, 'totp_reused');
    expect(replay.message).toBe('This verification code has been used already; wait for the next one on your phone');
    expect(replay.fields).toHaveProperty('code');
    expectError(await send(h.app, { method: 'GET', url: '/api/units' }, b), 403, 'stage_required');
    const failures = await h.db.database.db.execute(sql`select count(*)::int as n from login_failures where user_id = ${u.id}`);
    expect((failures as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);

    const next = await freshTotpCode(u.totpSecret!);
    const [c, d] = [await session(), await session()];
    const raced = await Promise.all([post('/api/auth/totp/verify', c, { code: next }), post('/api/auth/totp/verify', d, { code: next })]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 422]);
  });

  it('does not take the code that confirmed enrolment again at the next login', async () => {
    const unit = await makeUnit(h.db.database);
    const created = await post('/api/users', sys, { account: `sec_${Date.now()}`, displayName: '安全管理员', unitId: unit.id, roles: [{ role: 'secadmin' }] });
    const account = created.json().data.account as string;
    const first = sessionOf(await post('/api/auth/login', null, { account, password: created.json().initialPassword }));
    expect((await post('/api/auth/password', first, { currentPassword: created.json().initialPassword, newPassword: 'Sec-Admin-Pass-9' })).statusCode).toBe(200);
    const { secret } = (await post('/api/auth/totp/setup', first)).json().data as { secret: string };
    const code = await freshTotpCode(secret);
    expect((await post('/api/auth/totp/enrol', first, { code })).statusCode).toBe(200);
    const second = sessionOf(await post('/api/auth/login', null, { account, password: 'Sec-Admin-Pass-9' }));
    expect(expectError(await post('/api/auth/totp/verify', second, { code }), 422, 'totp_reused').message).toBe('该动态验证码已使用过，请等待手机上出现新的验证码');
  });

  it('lets an ordinary user stay without a second factor', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    expect((await post('/api/auth/login', null, { account: u.account, password: u.password })).json().data.stage).toBe('ok');
  });
});
