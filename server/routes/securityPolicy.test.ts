import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../../domain/securityPolicy.js';
import { expectError, send, snapshot } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, TEST_PASSWORD, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

describe.each(DATABASE_KINDS)('the security policy on %s', (kind) => {
  let h: Harness;
  let sec: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    sec = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'secadmin' }]));
  });
  afterAll(async () => h?.close());

  const read = () => send(h.app, { method: 'GET', url: '/api/security-policy' }, sec);
  const put = (payload: unknown, headers = {}) => send(h.app, { method: 'PUT', url: '/api/security-policy', payload, headers }, sec);
  const login = (account: string, password: string) => send(h.app, { method: 'POST', url: '/api/auth/login', payload: { account, password } });

  it('starts from the defaults', async () => {
    expect((await read()).json()).toEqual({ data: { policy: DEFAULT_SECURITY_POLICY, version: 0 }, policies: { read: true, update: true } });
  });

  it('locks after three failures once the secadmin sets the threshold to 3; a stale version is refused', async () => {
    const saved = await put({ version: 0, policy: { ...DEFAULT_SECURITY_POLICY, lockoutThreshold: 3 } });
    expect(saved.json().data).toEqual({ policy: { ...DEFAULT_SECURITY_POLICY, lockoutThreshold: 3 }, version: 1 });
    expect((await read()).json().data.version).toBe(1);

    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await login(u.account, 'Wrong-Pass-1')).statusCode);
    expect(codes).toEqual([401, 401, 429]);
    expectError(await login(u.account, TEST_PASSWORD), 429, 'account_locked');

    const before = await snapshot(h.db.database);
    const stale = expectError(await put({ version: 0, policy: DEFAULT_SECURITY_POLICY }), 409, 'version_conflict');
    expect(stale.message).toBe('该记录已被他人修改，请刷新后再保存');
    expect(expectError(await put({ version: 0, policy: DEFAULT_SECURITY_POLICY }, { 'accept-language': 'en-US' }), 409).message).toBe(
      'Someone else changed this record; reload it before saving',
    );
    expect(await snapshot(h.db.database)).toEqual(before);
    expect((await read()).json().data.policy.lockoutThreshold).toBe(3);
  });

  it('refuses a policy outside its bounds, naming the field', async () => {
    const { version } = (await read()).json().data;
    const e = expectError(await put({ version, policy: { ...DEFAULT_SECURITY_POLICY, lockoutThreshold: 2, idleTimeoutMinutes: 1000 } }), 400, 'validation');
    expect(e.fields).toEqual({ 'policy.lockoutThreshold': '不能小于3', 'policy.idleTimeoutMinutes': '不能大于240' });
    const partial = expectError(await put({ version, policy: { lockoutThreshold: 5 } }), 400, 'validation');
    expect(partial.fields).toHaveProperty(['policy.passwordMinLength'], '必填');
  });

  it('applies a longer minimum password length to the next password change, naming newPassword', async () => {
    const { version, policy } = (await read()).json().data;
    expect((await put({ version, policy: { ...policy, passwordMinLength: 12 } })).statusCode).toBe(200);
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    // The password form learns the rules in force from /api/me.
    const me = await send(h.app, { method: 'GET', url: '/api/me' }, s);
    expect(me.json().data.passwordRules).toEqual({ minLength: 12, minClasses: policy.passwordMinClasses });
    const e = expectError(
      await send(h.app, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Short-Pass1' } }, s),
      422,
      'weak_password',
    );
    expect(e.fields).toEqual({ newPassword: '长度不足 12 位' });
    const ok = await send(h.app, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Long-Enough-Pass1' } }, s);
    expect(ok.statusCode).toBe(200);
  });
});
