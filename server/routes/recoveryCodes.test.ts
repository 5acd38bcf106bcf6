import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpRecoveryCodes } from '../db/schema/index.js';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { freshTotpCode } from '../testing/totpCodes.js';

// Issue 17 item 16, written as the attacks: ten single-use recovery codes at TOTP enrolment, stored
// hashed, good once, only for their owner, counted like wrong codes; and the secadmin's reset of a
// lost second factor, which ends the codes too.
describe.each(DATABASE_KINDS)('recovery codes on %s', (kind) => {
  let h: Harness;
  let sec: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    sec = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'secadmin' }]));
  });
  afterAll(async () => h?.close());

  const post = (url: string, s: Session | null, payload?: unknown) => send(h.app, { method: 'POST', url, ...(payload === undefined ? {} : { payload }) }, s);
  /** Signs in with the password: the session waits at the TOTP step. */
  const halfIn = async (u: { account: string; password: string }) => {
    const res = await post('/api/auth/login', null, { account: u.account, password: u.password });
    expect(res.json().data.stage).toBe('totp_verify');
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { cookie, csrf: res.json().data.csrfToken, headers: { cookie, 'x-csrf-token': res.json().data.csrfToken } } as Session;
  };
  /** An auditor who enrols TOTP now and keeps the codes enrolment gives. */
  const enrolled = async () => {
    const u = await makeUser(h.db.database, [{ role: 'auditor' }], { totpSecret: null, totpEnabled: false });
    const s = await loginAs(h.app, u);
    const setup = await post('/api/auth/totp/setup', s);
    const secret = setup.json().data.secret as string;
    const res = await post('/api/auth/totp/enrol', s, { code: await freshTotpCode(secret) });
    expect(res.statusCode, res.body).toBe(200);
    return { u, secret, codes: res.json().data.recoveryCodes as string[] };
  };

  it('gives ten codes at enrolment and keeps none of them in clear', async () => {
    const { u, codes } = await enrolled();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    const stored = await h.db.database.db.select().from(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, u.id));
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const c of codes) {
      expect(dump).not.toContain(c);
      expect(dump).not.toContain(c.replaceAll('-', ''));
    }
  });

  it('lets a code in once, however it is typed; a replay, another user’s code and a TOTP code are refused and counted', async () => {
    const a = await enrolled();
    const b = await enrolled();
    const s1 = await halfIn(a.u);
    // Another user's code does not open this account.
    expectError(await post('/api/auth/totp/recover', s1, { code: b.codes[0] }), 422, 'recovery_code_invalid');
    const ok = await post('/api/auth/totp/recover', s1, { code: ` ${a.codes[0]!.toUpperCase().replaceAll('-', ' ')} ` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data).toEqual({ stage: 'ok', remaining: 9 });
    expect((await send(h.app, { method: 'GET', url: '/api/audit?perPage=1' }, s1)).statusCode).toBe(200);
    const used = (await h.db.database.db.execute(sql`select action, "after" from audit_log where entity_id = ${a.u.id} and action = 'auth.recovery_code_used'`)) as unknown as { rows: { after: { remaining: number } }[] };
    expect(used.rows.map((r) => r.after.remaining)).toEqual([9]);
    // Replayed from another session: refused.
    const s2 = await halfIn(a.u);
    const replay = expectError(await post('/api/auth/totp/recover', s2, { code: a.codes[0] }), 422, 'recovery_code_invalid');
    expect(replay.message).toBe('恢复码不正确或已用过');
    expectError(await post('/api/auth/totp/recover', s2, { code: '123456' }), 422, 'recovery_code_invalid');
    // Not a way past the password: a session that has not given it cannot use a code.
    expectError(await post('/api/auth/totp/recover', null, { code: a.codes[1] }), 401);
    // Bad input is a 400 naming the field, never a 500.
    expect(Object.keys(expectError(await post('/api/auth/totp/recover', s2, { code: 'x'.repeat(41) }), 400, 'validation').fields!)).toEqual(['code']);
  });

  it('counts wrong codes towards the lock, like wrong TOTP codes', async () => {
    const a = await enrolled();
    const s = await halfIn(a.u);
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) answers.push((await post('/api/auth/totp/recover', s, { code: 'abcd-efgh-jkmn' })).json().error.code);
    expect(answers.slice(0, 3)).toEqual(['recovery_code_invalid', 'recovery_code_invalid', 'recovery_code_invalid']);
    expect(answers).toContain('account_locked');
    // Locked, even a good code waits.
    expect((await post('/api/auth/totp/recover', s, { code: a.codes[0] })).json().error.code).toBe('account_locked');
  });

  it('regenerates codes for a signed-in user who shows a current TOTP code; the old ones stop working', async () => {
    const a = await enrolled();
    const s = await loginAs(h.app, { ...a.u, totpSecret: a.secret });
    expectError(await post('/api/auth/totp/recovery-codes', s, { code: '000000' }), 422, 'totp_invalid');
    const fresh = await post('/api/auth/totp/recovery-codes', s, { code: await freshTotpCode(a.secret) });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const codes = fresh.json().data.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    const half = await halfIn(a.u);
    expectError(await post('/api/auth/totp/recover', half, { code: a.codes[0] }), 422, 'recovery_code_invalid');
    expect((await post('/api/auth/totp/recover', half, { code: codes[0] })).statusCode).toBe(200);
  });

  it('lets only the secadmin reset someone’s lost second factor: the codes go with it, the user enrols again, and it is audited', async () => {
    const a = await enrolled();
    const sys = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    const aud = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'auditor' }]));
    for (const who of [sys, aud]) expectError(await post(`/api/users/${a.u.id}/reset-totp`, who), 403);
    // Nobody resets their own second factor this way.
    const me = (await send(h.app, { method: 'GET', url: '/api/me' }, sec)).json().data.id as string;
    expectError(await post(`/api/users/${me}/reset-totp`, sec), 403, 'own_totp');
    expect((await post(`/api/users/${a.u.id}/reset-totp`, sec)).statusCode).toBe(200);
    expect(await h.db.database.db.select().from(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, a.u.id))).toEqual([]);
    const again = await post('/api/auth/login', null, { account: a.u.account, password: a.u.password });
    expect(again.json().data.stage).toBe('totp_enrol');
    const audit = (await h.db.database.db.execute(sql`select count(*)::int as n from audit_log where entity_id = ${a.u.id} and action = 'user.totp_reset'`)) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe(1);
  });
});
