import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeUser, type MadeUser } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { recoverSecadmin } from './recoverSecadmin.js';

const run = promisify(execFile);

/** The security issue's item 4: the secadmin, the only role that can unlock, must have a way back in when locked out. */
describe.each(DATABASE_KINDS)('recovering a locked-out secadmin from the console on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const login = (u: Pick<MadeUser, 'account'>, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '192.0.2.50', payload: { account: u.account, password } });
  const lockOut = async (u: MadeUser) => {
    for (let i = 0; i < 5; i++) await login(u, 'Wrong-Pass-1');
    expectError(await login(u, u.password), 429, 'account_locked');
  };
  const ctx = () => ({ database: h.db.database, actor: null, ip: null, requestId: 'console:root', lang: 'zh-CN' as const, sessionId: null });
  const audit = async (id: string) =>
    ((await h.db.database.db.execute(sql`select action, actor_account, request_id, after from audit_log where entity_id = ${id} and action = 'user.recovered'`)) as unknown as {
      rows: { action: string; actor_account: string | null; request_id: string; after: Record<string, unknown> }[];
    }).rows;

  it('lifts the lock, on record as done from the console', async () => {
    const sec = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    await lockOut(sec);
    expect(await recoverSecadmin(ctx(), sec.account.toUpperCase(), { newPassword: false, resetTotp: false })).toMatchObject({ account: sec.account, totpReset: false });
    expect((await login(sec, sec.password)).json().data.stage).toBe('totp_verify');
    const [rec] = await audit(sec.id);
    expect(rec).toMatchObject({ actor_account: null, request_id: 'console:root', after: { via: 'console', passwordReset: false, totpReset: false } });
  });

  it('issues a one-time password and clears the second factor when asked', async () => {
    const sec = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    await lockOut(sec);
    const r = await recoverSecadmin(ctx(), sec.account, { newPassword: true, resetTotp: true });
    expectError(await login(sec, sec.password), 401, 'invalid_credentials');
    expect((await login(sec, r.initialPassword!)).json().data.stage).toBe('change_password');
    expect((await audit(sec.id))[0]!.after).toMatchObject({ passwordReset: true, totpReset: true });
  });

  it('is for secadmins only: everyone else is unlocked by the secadmin through the API', async () => {
    const u = await makeUser(h.db.database, [{ role: 'sysadmin' }]);
    await expect(recoverSecadmin(ctx(), u.account, { newPassword: false, resetTotp: false })).rejects.toMatchObject({ status: 422, code: 'recovery_not_secadmin' });
    await expect(recoverSecadmin(ctx(), 'nobody_at_all', { newPassword: false, resetTotp: false })).rejects.toMatchObject({ status: 404 });
    expect(await audit(u.id)).toEqual([]);
  });

  it.runIf(kind === 'postgres')('runs as `npm run secadmin:recover -- <account>`', { timeout: 60_000 }, async () => {
    const sec = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    await lockOut(sec);
    const env = { ...process.env, DATABASE_URL: h.db.url! };
    const out = await run(process.execPath, ['scripts/operator.mjs', 'secadminRecover', sec.account, '--new-password'], { env });
    expect(out.stdout).toContain(`✔ ${sec.account}: every lock lifted`);
    const password = /One-time password: (\S+)/.exec(out.stdout)![1]!;
    // The second factor stays enrolled: the code first, then the new password.
    expect((await login(sec, password)).json().data.stage).toBe('totp_verify');
    const refused = await run(process.execPath, ['scripts/operator.mjs', 'secadminRecover', 'nobody_at_all'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('Account not found');
  });
});
