import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

/**
 * The security issue's item 9: Password1, P@ssw0rd and Qwerty123 were accepted, the previous
 * password could be chosen again, and a session could guess the current password without end.
 */
describe.each(DATABASE_KINDS)('choosing a password on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const change = (s: Session, currentPassword: string, newPassword: string, lang = 'zh-CN') =>
    send(h.app, { method: 'POST', url: '/api/auth/password', headers: { 'accept-language': lang }, payload: { currentPassword, newPassword } }, s);

  it('refuses common and leaked passwords, dressed up or not, saying why in both languages', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    for (const pw of ['Password1', 'P@ssw0rd', 'Qwerty123', 'Password1!', 'Pa$$w0rd1', 'Woaini1314', 'Admin@123', '1Qaz2wsx']) {
      const e = expectError(await change(s, u.password, pw), 422, 'weak_password');
      expect(e.fields, pw).toEqual({ newPassword: '是常见或已泄露的密码，容易被猜中' });
    }
    const en = expectError(await change(s, u.password, 'Qwerty123', 'en-US'), 422, 'weak_password');
    expect(en.message).toBe('The new password does not meet the rules: is a common or leaked password, easily guessed');
    expect((await change(s, u.password, 'Lantern-Ferry-48')).statusCode).toBe(200);
  });

  it('refuses the last five passwords, the one before a reset included', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    let s = await loginAs(h.app, u);
    const chain = [u.password, 'Maple-Harbor-11', 'Cobalt-Window-22', 'Quiet-Summit-33', 'Amber-Railway-44'];
    for (let i = 1; i < chain.length; i++) expect((await change(s, chain[i - 1]!, chain[i]!)).statusCode).toBe(200);
    // The current one, and the four before it.
    for (const old of chain.slice(0, 4)) {
      const e = expectError(await change(s, chain[4]!, old), 422, 'password_reused');
      expect(e.message).toBe('新密码不能与最近使用过的 5 个密码相同');
      expect(e.fields).toEqual({ newPassword: '新密码不能与最近使用过的 5 个密码相同' });
    }
    expect(expectError(await change(s, chain[4]!, chain[0]!, 'en-US'), 422, 'password_reused').message).toBe('The new password must differ from your last 5 passwords');
    // One more change: the oldest falls out of the history and may be chosen again.
    expect((await change(s, chain[4]!, 'Velvet-Canyon-55')).statusCode).toBe(200);
    expect((await change(s, 'Velvet-Canyon-55', chain[0]!)).statusCode).toBe(200);

    // After an administrator's reset, the password the user had is still refused.
    const sec = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    const version = (await send(h.app, { method: 'GET', url: `/api/users/${u.id}` }, sec)).json().data.version as number;
    const reset = await send(h.app, { method: 'POST', url: `/api/users/${u.id}/reset-password`, payload: { version } }, sec);
    const initial = reset.json().data.initialPassword as string;
    s = await loginAs(h.app, { account: u.account, password: initial, totpSecret: null });
    expectError(await change(s, initial, chain[0]!), 422, 'password_reused');
    expect((await change(s, initial, 'Harvest-Lumen-66')).statusCode).toBe(200);
  });

  it('ends the session after five wrong current passwords, so a stolen session cannot guess its way to the password', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    const other = await loginAs(h.app, u);
    for (let i = 0; i < 4; i++) expectError(await change(s, `Guess-${i}-Pass`, 'Lantern-Ferry-48'), 422, 'wrong_password');
    const ended = expectError(await change(s, 'Guess-4-Pass', 'Lantern-Ferry-48', 'en-US'), 401, 'password_guesses_exceeded');
    expect(ended.message).toBe('The current password was wrong too many times: you have been logged out; please log in again');
    expectError(await send(h.app, { method: 'GET', url: '/api/me' }, s), 401);
    // The right password cannot be tried in that session any more; the user's other session goes on.
    expectError(await change(s, u.password, 'Lantern-Ferry-48'), 401);
    expect((await send(h.app, { method: 'GET', url: '/api/me' }, other)).statusCode).toBe(200);
    const zh = await loginAs(h.app, u);
    for (let i = 0; i < 4; i++) await change(zh, `Guess-${i}-Pass`, 'Lantern-Ferry-48');
    expect(expectError(await change(zh, 'Guess-4-Pass', 'Lantern-Ferry-48'), 401, 'password_guesses_exceeded').message).toBe('当前密码输错次数过多，已退出登录，请重新登录');
  });
});
