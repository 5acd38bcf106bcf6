import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, send, snapshot } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, TEST_PASSWORD, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

const EN = { 'accept-language': 'en' };

describe.each(DATABASE_KINDS)('user accounts on %s', (kind) => {
  let h: Harness;
  let sys: Session;
  let sec: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    sys = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    sec = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'secadmin' }]));
  });
  afterAll(async () => h?.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, s: Session | null, payload?: unknown, headers = {}) =>
    send(h.app, { method, url, ...(payload === undefined ? {} : { payload }), headers }, s);
  const login = (account: string, password: string) => api('POST', '/api/auth/login', null, { account, password });
  const sessionOf = (res: Awaited<ReturnType<typeof login>>): Session => {
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = res.json().data.csrfToken as string;
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
  };
  const createUser = async (over: Record<string, unknown> = {}) => {
    const unit = await makeUnit(h.db.database, { name: `区住建局${randomUUID().slice(0, 6)}` });
    const res = await api('POST', '/api/users', sys, { account: `zj_${randomUUID().slice(0, 8)}`, displayName: '区住建局联络员', unitId: unit.id, roles: [{ role: 'liaison' }], ...over });
    expect(res.statusCode, res.body).toBe(200);
    return { ...res.json().data, initialPassword: res.json().initialPassword as string, unit };
  };

  it('creates an account whose initial password works once and must be changed before anything else', async () => {
    const u = await createUser({ mobile: '13912345678' });
    expect(u).toMatchObject({ mustChangePassword: true, disabled: false, locked: false, totpEnabled: false, version: 0, roles: [{ role: 'liaison', unitId: u.unit.id, bodyId: null }] });
    expect(u.unitName).toBe(u.unit.name);
    expect(u.initialPassword).toMatch(/^.{12}$/);

    const first = await login(u.account, u.initialPassword);
    expect(first.json().data.stage).toBe('change_password');
    const s = sessionOf(first);
    const blocked = expectError(await api('GET', '/api/units', s), 403, 'stage_required');
    expect(blocked.message).toBe('请先完成修改初始密码');
    expect(expectError(await api('GET', '/api/units', s, undefined, EN), 403).message).toBe('Please complete changing your initial password first');
    expect((await api('GET', '/api/me', s)).json().data).toMatchObject({ account: u.account, stage: 'change_password' });

    const weak = expectError(await api('POST', '/api/auth/password', s, { currentPassword: u.initialPassword, newPassword: 'short' }), 422, 'weak_password');
    expect(Object.keys(weak.fields!)).toEqual(['newPassword']);
    expect(weak.fields!.newPassword).toContain('长度不足 8 位');
    const oneClass = expectError(await api('POST', '/api/auth/password', s, { currentPassword: u.initialPassword, newPassword: 'alllowercase' }, EN), 422);
    expect(oneClass.fields!.newPassword).toBe('needs at least 3 of: upper case, lower case, digits, symbols');
    const asAccount = expectError(await api('POST', '/api/auth/password', s, { currentPassword: u.initialPassword, newPassword: u.account.toUpperCase() }), 422);
    expect(asAccount.fields).toEqual({ newPassword: '不能与账号相同' });
    const same = expectError(await api('POST', '/api/auth/password', s, { currentPassword: u.initialPassword, newPassword: u.initialPassword }), 422, 'same_password');
    expect(Object.keys(same.fields!)).toEqual(['newPassword']);
    const wrong = expectError(await api('POST', '/api/auth/password', s, { currentPassword: 'Not-The-One-1', newPassword: 'Fresh-Pass-42' }), 422, 'wrong_password');
    expect(wrong.fields).toEqual({ currentPassword: '当前密码不正确' });

    const changed = await api('POST', '/api/auth/password', s, { currentPassword: u.initialPassword, newPassword: 'Fresh-Pass-42' });
    expect(changed.json()).toEqual({ data: { stage: 'ok' } });
    expect((await api('GET', '/api/units', s)).statusCode).toBe(200);
    expect(expectError(await login(u.account, u.initialPassword), 401, 'invalid_credentials').message).toBe('账号或密码错误');
    expect((await login('13912345678', 'Fresh-Pass-42')).json().data.stage).toBe('ok');
    expect((await api('GET', `/api/users/${u.id}`, sec)).json().data.mustChangePassword).toBe(false);
  });

  it('refuses duplicate accounts (any case) and mobiles, and a unit that does not exist, writing nothing', async () => {
    const u = await createUser({ mobile: '13700000001' });
    const before = await snapshot(h.db.database);
    const dupAccount = expectError(await api('POST', '/api/users', sys, { account: u.account.toUpperCase(), displayName: '重复', unitId: u.unit.id }), 409, 'duplicate');
    expect(dupAccount.fields).toEqual({ account: '' });
    const dupMobile = expectError(await api('POST', '/api/users', sys, { account: 'other_one', displayName: '重复', unitId: u.unit.id, mobile: '13700000001' }), 409);
    expect(dupMobile.fields).toEqual({ mobile: '' });
    const noUnit = expectError(await api('POST', '/api/users', sys, { account: 'no_unit', displayName: '无单位', unitId: randomUUID() }, EN), 422, 'reference_invalid');
    expect(noUnit.fields).toEqual({ unitId: '' });
    expect(noUnit.message).toBe('Unit: the referenced record does not exist');
    const badScope = expectError(await api('POST', '/api/users', sys, { account: 'bad_scope', displayName: '错组', unitId: u.unit.id, roles: [{ role: 'task_force', bodyId: randomUUID() }] }), 422);
    expect(badScope.fields).toHaveProperty(['roles.0.bodyId']);
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('lists, finds and updates users by version', async () => {
    const u = await createUser({ displayName: '区水务局联络员' });
    const list = (await api('GET', `/api/users?q=${encodeURIComponent('水务局')}`, sec)).json();
    expect(list.data.map((x: { id: string }) => x.id)).toEqual([u.id]);
    expect(list.page).toEqual({ page: 1, perPage: 50, total: 1 });
    expect((await api('GET', `/api/users?unitId=${u.unit.id}&role=liaison`, sys)).json().data).toHaveLength(1);
    expect((await api('GET', `/api/users?unitId=${u.unit.id}&role=unit_head`, sys)).json().data).toHaveLength(0);

    const updated = await api('PATCH', `/api/users/${u.id}`, sys, { version: 0, displayName: '区水务局局长', roles: [{ role: 'unit_head' }] });
    expect(updated.json().data).toMatchObject({ displayName: '区水务局局长', version: 1, roles: [{ role: 'unit_head', unitId: u.unit.id, bodyId: null }] });
    expect(expectError(await api('PATCH', `/api/users/${u.id}`, sys, { version: 0, displayName: '晚了' }), 409, 'version_conflict').message).toBe(
      '该记录已被他人修改，请刷新后再保存',
    );
    expect(expectError(await api('GET', `/api/users/${randomUUID()}`, sys), 404).message).toBe('用户不存在');
  });

  it('keeps an e-mail address for the reminders, refusing a bad one naming the field', async () => {
    const u = await createUser({ email: ' zhangsan@example.gov.cn ' });
    expect(u.email).toBe('zhangsan@example.gov.cn');
    for (const bad of ['zhangsan', 'zhang san@example.gov.cn', 'a@b.cn\r\nBcc: x@y.cn', `${'a'.repeat(250)}@x.cn`]) {
      const e = expectError(await api('PATCH', `/api/users/${u.id}`, sys, { version: 0, email: bad }), 400, 'validation');
      expect(e.fields, bad).toHaveProperty('email');
      expect(e.message).toContain('电子邮箱');
    }
    expect(Object.keys(expectError(await api('POST', '/api/users', sys, { account: 'mail_bad', displayName: '错', unitId: u.unit.id, email: 'x@' }), 400).fields!)).toEqual(['email']);
    const cleared = await api('PATCH', `/api/users/${u.id}`, sys, { version: 0, email: null });
    expect(cleared.json().data).toMatchObject({ email: null, version: 1 });
    expect((await api('GET', `/api/users?q=${encodeURIComponent('zhangsan@')}`, sys)).json().data).toEqual([]);
  });

  it('resets a password: every session of the user ends and the new initial password must be changed', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s1 = await loginAs(h.app, u);
    const s2 = await loginAs(h.app, u);
    const reset = await api('POST', `/api/users/${u.id}/reset-password`, sys, { version: 0 });
    const initial = reset.json().data.initialPassword as string;
    expect(initial).toMatch(/^.{12}$/);
    for (const s of [s1, s2]) expectError(await api('GET', '/api/me', s), 401, 'unauthenticated');
    expectError(await login(u.account, TEST_PASSWORD), 401, 'invalid_credentials');
    expect((await login(u.account, initial)).json().data.stage).toBe('change_password');
    expectError(await api('POST', `/api/users/${u.id}/reset-password`, sys, { version: 0 }), 409, 'version_conflict');
  });

  it('disables an account: its sessions end, login answers as to a wrong password (even the right one); enabling lets it back in', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const s = await loginAs(h.app, u);
    expect((await api('GET', '/api/me', s)).statusCode).toBe(200);
    const off = await api('POST', `/api/users/${u.id}/disable`, sys, { version: 0 });
    expect(off.json().data).toMatchObject({ disabled: true, version: 1 });
    expectError(await api('GET', '/api/me', s), 401);
    // Saying "disabled" to the right password would confirm the password (security issue, item 10).
    const refused = expectError(await login(u.account, TEST_PASSWORD), 401, 'invalid_credentials');
    expect(refused.message).toBe('账号或密码错误');
    expectError(await login(u.account, 'Wrong-Pass-1'), 401, 'invalid_credentials');

    expect((await api('POST', `/api/users/${u.id}/enable`, sys, { version: 1 })).json().data.disabled).toBe(false);
    expect((await login(u.account, TEST_PASSWORD)).statusCode).toBe(200);
    const me = (await api('GET', '/api/me', sys)).json().data;
    expectError(await api('POST', `/api/users/${me.id}/disable`, sys, { version: 0 }), 422, 'self_disable');
  });

  it('lets the secadmin unlock a locked account so that it can log in again', async () => {
    const u = await makeUser(h.db.database, [{ role: 'liaison' }]);
    for (let i = 0; i < 5; i++) await login(u.account, 'Wrong-Pass-1');
    expectError(await login(u.account, TEST_PASSWORD), 429, 'account_locked');
    expect((await api('GET', `/api/users/${u.id}`, sec)).json().data.locked).toBe(true);
    expect((await api('GET', `/api/users?q=${u.account}`, sys)).json().data[0].locked).toBe(true);

    expect((await api('POST', `/api/users/${u.id}/unlock`, sec)).json()).toEqual({ ok: true });
    expect((await api('GET', `/api/users/${u.id}`, sec)).json().data.locked).toBe(false);
    expect((await login(u.account, TEST_PASSWORD)).statusCode).toBe(200);
    expectError(await api('POST', `/api/users/${randomUUID()}/unlock`, sec), 404, 'not_found');
  });

  it('lets the secadmin reset a lost second factor: sessions end and the next login enrols again', async () => {
    const u = await makeUser(h.db.database, [{ role: 'auditor' }]);
    const s = await loginAs(h.app, u);
    expect((await api('GET', '/api/audit', s)).statusCode).toBe(200);
    expect((await api('POST', `/api/users/${u.id}/reset-totp`, sec)).json()).toEqual({ ok: true });
    expectError(await api('GET', '/api/audit', s), 401);
    expect((await api('GET', `/api/users/${u.id}`, sys)).json().data.totpEnabled).toBe(false);
    const again = await login(u.account, TEST_PASSWORD);
    expect(again.json().data.stage).toBe('totp_enrol');
    expectError(await api('GET', '/api/audit', sessionOf(again)), 403, 'stage_required');
  });
});
