import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditMark, expectError, recordsSince, send, snapshot } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, TEST_PASSWORD, type MadeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { multipart, xlsxFile } from '../testing/xlsx.js';

interface Proposal {
  id: string;
  userId: string;
  status: string;
  roles: { role: string }[];
  reason: string | null;
  policies: { approve: boolean; reject: boolean };
}

/**
 * 三员分立, written as the attacks of the security issue: the sysadmin granting itself program and
 * audit roles, creating an account holding two admin duties, or taking over an admin's account
 * through a password reset. Admin roles change only when a secadmin approves what the sysadmin proposed.
 */
describe.each(DATABASE_KINDS)('separated admin duties on %s', (kind) => {
  let h: Harness;
  let sysUser: MadeUser;
  let secUser: MadeUser;
  let sys: Session;
  let sec: Session;
  let sec2: Session;
  let aud: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    sysUser = await makeUser(h.db.database, [{ role: 'sysadmin' }]);
    secUser = await makeUser(h.db.database, [{ role: 'secadmin' }]);
    sys = await loginAs(h.app, sysUser);
    sec = await loginAs(h.app, secUser);
    sec2 = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'secadmin' }]));
    aud = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'auditor' }]));
  });
  afterAll(async () => h?.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, s: Session | null, payload?: unknown) =>
    send(h.app, { method, url, ...(payload === undefined ? {} : { payload }) }, s);
  const login = (account: string, password: string) => api('POST', '/api/auth/login', null, { account, password });
  const sessionOf = (res: Awaited<ReturnType<typeof login>>): Session => {
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = res.json().data.csrfToken as string;
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
  };
  const user = async (id: string, s = sys) => (await api('GET', `/api/users/${id}`, s)).json().data;
  const pending = async (s = sec): Promise<Proposal[]> => (await api('GET', '/api/role-proposals?perPage=100', s)).json().data;
  const auditOf = async (userId: string) =>
    ((await api('GET', `/api/audit?entity=user&entityId=${userId}&perPage=50`, aud)).json().data as { action: string; actorAccount: string }[]).map((r) => r.action).reverse();
  const newUser = async (roles: { role: string }[], unitId?: string) =>
    api('POST', '/api/users', sys, { account: `s_${randomUUID().slice(0, 8)}`, displayName: '新管理员', unitId: unitId ?? (await makeUnit(h.db.database)).id, roles });

  it('the sysadmin cannot grant itself roles: its own roles stay, and reports and the audit log stay closed to it', async () => {
    const me = await user(sysUser.id);
    const mark = await auditMark(h.db.database);
    const res = await api('PATCH', `/api/users/${sysUser.id}`, sys, { version: me.version, roles: [{ role: 'sysadmin' }, { role: 'hq_office' }, { role: 'auditor' }] });
    expect(expectError(res, 403, 'own_roles').message).toBe('不能变更自己的角色');
    // Nothing changed; the attempt is on record as a refusal.
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 0, refusals: 1 });
    expect((await user(sysUser.id)).roles.map((r: { role: string }) => r.role)).toEqual(['sysadmin']);
    expectError(await api('GET', '/api/reports', sys), 403, 'forbidden');
    expectError(await api('GET', '/api/audit', sys), 403, 'forbidden');
    // Its other details it may still edit.
    expect((await api('PATCH', `/api/users/${sysUser.id}`, sys, { version: me.version, displayName: '系统管理员（值班）', roles: me.roles })).statusCode).toBe(200);
  });

  it('refuses an account holding two admin duties, or an admin duty with a program role, naming the field and writing nothing', async () => {
    const unit = await makeUnit(h.db.database);
    const liaison = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const before = await snapshot(h.db.database);
    const two = expectError(await newUser([{ role: 'auditor' }, { role: 'secadmin' }], unit.id), 422, 'roles_admin_with_admin');
    expect(two.fields).toEqual({ roles: 'auditor, secadmin' });
    expect(two.message).toContain('三员分立');
    expectError(await newUser([{ role: 'sysadmin' }, { role: 'hq_office' }], unit.id), 422, 'roles_admin_with_program');
    expectError(await api('PATCH', `/api/users/${liaison.id}`, sys, { version: 0, roles: [{ role: 'liaison' }, { role: 'auditor' }] }), 422, 'roles_admin_with_program');
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('an admin role asked for at creation waits for the secadmin, who issues the account a fresh password and second factor', async () => {
    const created = await newUser([{ role: 'auditor' }]);
    expect(created.statusCode, created.body).toBe(200);
    const { data: u, initialPassword } = created.json();
    expect(u.roles).toEqual([]);
    expect(u.pendingRoles.roles).toEqual([{ role: 'auditor', unitId: null, bodyId: null }]);

    // What the sysadmin knows lets it into an account without any role, not into the audit log.
    const early = sessionOf(await login(u.account, initialPassword));
    await api('POST', '/api/auth/password', early, { currentPassword: initialPassword, newPassword: 'Sys-Knows-This-1' });
    expectError(await api('GET', '/api/audit', early), 403);

    const asSys = (await pending(sys)).find((p) => p.userId === u.id)!;
    expect(asSys.policies).toEqual({ approve: false, reject: false });
    expectError(await api('POST', `/api/role-proposals/${asSys.id}/approve`, sys), 403, 'forbidden');
    expectError(await api('POST', `/api/role-proposals/${asSys.id}/approve`, aud), 403, 'forbidden');

    const p = (await pending()).find((x) => x.userId === u.id)!;
    expect(p).toMatchObject({ status: 'pending', roles: [{ role: 'auditor' }], policies: { approve: true, reject: true } });
    // A body in another charset is refused before anything runs, even on a route that takes none
    // (a garbage test once approved a proposal with `charset=utf-16` and "2", at a percent-encoded path).
    const utf16 = await send(h.app, { method: 'POST', url: `/api/%72ole-proposals/${p.id}/approve`, headers: { 'content-type': 'application/json; charset=utf-16' }, payload: '2' }, sec);
    expectError(utf16, 415, 'unsupported_media');
    expect((await pending()).find((x) => x.userId === u.id)).toMatchObject({ status: 'pending' });
    const approved = await api('POST', `/api/role-proposals/${p.id}/approve`, sec);
    expect(approved.statusCode, approved.body).toBe(200);
    const fresh = approved.json().initialPassword as string;
    expect(fresh).toMatch(/^.{12}$/);
    expect(approved.json().data.status).toBe('approved');
    expectError(await api('GET', '/api/me', early), 401);
    expectError(await login(u.account, 'Sys-Knows-This-1'), 401, 'invalid_credentials');
    const holder = await login(u.account, fresh);
    expect(holder.json().data.stage).toBe('change_password');
    const s = sessionOf(holder);
    await api('POST', '/api/auth/password', s, { currentPassword: fresh, newPassword: 'Auditor-Own-42' });
    expect((await login(u.account, 'Auditor-Own-42')).json().data.stage).toBe('totp_enrol');
    expect((await user(u.id)).roles.map((r: { role: string }) => r.role)).toEqual(['auditor']);
    expectError(await api('POST', `/api/role-proposals/${p.id}/reject`, sec, { reason: '晚了' }), 409, 'proposal_decided');
    expect(await auditOf(u.id)).toEqual(expect.arrayContaining(['user.created', 'user.roles_approved']));
  });

  it('a change of admin roles is a proposal: the rest is saved, the roles wait; a rejection keeps them, with its reason', async () => {
    const target = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const res = await api('PATCH', `/api/users/${target.id}`, sys, { version: 0, displayName: '拟任审计管理员', roles: [{ role: 'auditor' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ displayName: '拟任审计管理员', roles: [{ role: 'liaison' }], pendingRoles: { roles: [{ role: 'auditor' }] } });
    expectError(await api('PATCH', `/api/users/${target.id}`, sys, { version: 1, roles: [{ role: 'secadmin' }] }), 409, 'proposal_pending');
    expectError(await api('PATCH', `/api/users/${target.id}`, sys, { version: 1, roles: [{ role: 'unit_head' }] }), 409, 'proposal_pending');

    const p = (await pending()).find((x) => x.userId === target.id)!;
    expectError(await api('POST', `/api/role-proposals/${p.id}/reject`, sec, {}), 400);
    const rejected = await api('POST', `/api/role-proposals/${p.id}/reject`, sec, { reason: '人选未经党组研究' });
    expect(rejected.json().data).toMatchObject({ status: 'rejected', reason: '人选未经党组研究' });
    const after = await user(target.id);
    expect(after.roles.map((r: { role: string }) => r.role)).toEqual(['liaison']);
    expect(after.pendingRoles).toBeNull();
    expect(await auditOf(target.id)).toEqual(['user.roles_proposed', 'user.roles_rejected']);
    // Program roles still change directly.
    expect((await api('PATCH', `/api/users/${target.id}`, sys, { version: 1, roles: [{ role: 'unit_head' }] })).json().data.roles[0].role).toBe('unit_head');
  });

  it('nobody decides a change of their own roles: another secadmin does', async () => {
    const res = await api('PATCH', `/api/users/${secUser.id}`, sys, { version: (await user(secUser.id)).version, roles: [] });
    expect(res.statusCode, res.body).toBe(200);
    const p = (await pending()).find((x) => x.userId === secUser.id)!;
    expect(p.policies.approve).toBe(false);
    expectError(await api('POST', `/api/role-proposals/${p.id}/reject`, sec, { reason: '我不同意' }), 403, 'own_roles');
    expectError(await api('POST', `/api/role-proposals/${p.id}/approve`, sec), 403, 'own_roles');
    const done = await api('POST', `/api/role-proposals/${p.id}/reject`, sec2, { reason: '保留安全管理员' });
    expect(done.json().data.status).toBe('rejected');
  });

  it('an admin’s password is the secadmin’s to reset, with the second factor: the sysadmin cannot take over the auditor’s account', async () => {
    const auditor = await makeUser(h.db.database, [{ role: 'auditor' }]);
    const refused = expectError(await api('POST', `/api/users/${auditor.id}/reset-password`, sys, { version: 0 }), 403, 'admin_reset_needs_secadmin');
    expect(refused.message).toBe('管理员账号的密码须由安全管理员重置');
    // Nor one whose admin role is only pending.
    const toBe = (await newUser([{ role: 'secadmin' }])).json().data;
    expectError(await api('POST', `/api/users/${toBe.id}/reset-password`, sys, { version: 0 }), 403, 'admin_reset_needs_secadmin');
    expectError(await api('POST', `/api/users/${sysUser.id}/reset-password`, sys, { version: (await user(sysUser.id)).version }), 403, 'own_account');
    expectError(await api('POST', `/api/users/${secUser.id}/reset-password`, sec, { version: (await user(secUser.id)).version }), 403, 'own_account');
    // The secadmin does not reset ordinary accounts: that stays the sysadmin's duty.
    const liaison = await makeUser(h.db.database, [{ role: 'liaison' }]);
    expectError(await api('POST', `/api/users/${liaison.id}/reset-password`, sec, { version: 0 }), 403, 'forbidden');

    const old = await loginAs(h.app, auditor);
    const reset = await api('POST', `/api/users/${auditor.id}/reset-password`, sec, { version: 0 });
    expect(reset.statusCode, reset.body).toBe(200);
    const initial = reset.json().data.initialPassword as string;
    expectError(await api('GET', '/api/me', old), 401);
    expect((await user(auditor.id)).totpEnabled).toBe(false);
    const first = sessionOf(await login(auditor.account, initial));
    await api('POST', '/api/auth/password', first, { currentPassword: initial, newPassword: 'Auditor-New-77' });
    // The old authenticator no longer opens it: the new holder enrols again.
    const again = await login(auditor.account, 'Auditor-New-77');
    expect(again.json().data.stage).toBe('totp_enrol');
    // The old factor is gone: the session must enrol a new one, and verifying is not its next step.
    expectError(await api('POST', '/api/auth/totp/verify', sessionOf(again), { code: await generate({ secret: auditor.totpSecret! }) }), 403, 'stage_required');
    expect(await auditOf(auditor.id)).toContain('user.password_reset');
    expect(TEST_PASSWORD).not.toBe(initial);
  });

  it('the import path proposes admin roles too, and refuses rows combining duties', async () => {
    const unit = await makeUnit(h.db.database);
    const upload = async (url: string, rows: string[][]) => {
      const file = multipart(await xlsxFile(rows));
      return send(h.app, { method: 'POST', url, ...file }, sys);
    };
    const preview = (await upload('/api/users/import/preview', [[`i_${randomUUID().slice(0, 6)}`, '审计', '', unit.name, '审计管理员、安全管理员']])).json().data;
    expect(preview.rows[0].errors).toEqual([{ field: 'roles', message: '三员分立，不能兼任：审计管理员、安全管理员' }]);
    const account = `i_${randomUUID().slice(0, 6)}`;
    const res = await upload('/api/users/import', [
      [account, '审计管理员', '', unit.name, '审计管理员'],
      [`${account}_l`, '联络员', '', unit.name, '联络员'],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.accounts.map((a: { pendingApproval: boolean }) => a.pendingApproval)).toEqual([true, false]);
    const created = (await api('GET', `/api/users?q=${account}`, sys)).json().data.find((x: { account: string }) => x.account === account);
    expect(created.roles).toEqual([]);
    expect(created.pendingRoles.roles[0].role).toBe('auditor');
    expect((await pending()).some((p) => p.userId === created.id)).toBe(true);
  });
});
