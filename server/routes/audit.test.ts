import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount } from '../audit.js';
import { auditLog } from '../db/schema/index.js';
import { send } from '../testing/api.js';
import { ALL_ROUTE_CALLS, ALL_WRITE_TARGETS } from '../testing/allRoutes.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { callEnv, type CallEnv } from '../testing/routeCalls.js';

/** The audit action of each core write: one name end to end (route, policy, audit, UI key). */
const ACTIONS: Record<string, string> = {
  'POST /api/auth/login': 'auth.login',
  'POST /api/auth/logout': 'auth.logout',
  'POST /api/auth/password': 'user.password_changed',
  'POST /api/auth/totp/setup': 'auth.totp_setup',
  'POST /api/auth/totp/enrol': 'auth.totp_enrolled',
  'POST /api/auth/totp/verify': 'auth.totp_verified',
  'POST /api/auth/totp/recover': 'auth.recovery_code_used',
  'POST /api/auth/totp/recovery-codes': 'auth.recovery_codes_regenerated',
  'POST /api/regions': 'region.created',
  'PATCH /api/regions/:id': 'region.updated',
  'POST /api/units': 'unit.created',
  'PATCH /api/units/:id': 'unit.updated',
  'POST /api/bodies': 'body.created',
  'PATCH /api/bodies/:id': 'body.updated',
  'POST /api/bodies/:id/members': 'body.member_added',
  'DELETE /api/bodies/:id/members/:memberId': 'body.member_removed',
  'POST /api/users': 'user.created',
  'PATCH /api/users/:id': 'user.updated',
  'POST /api/users/:id/disable': 'user.disabled',
  'POST /api/users/:id/enable': 'user.enabled',
  'POST /api/users/:id/reset-password': 'user.password_reset',
  'POST /api/users/:id/unlock': 'user.unlocked',
  'POST /api/users/:id/reset-totp': 'user.totp_reset',
  'POST /api/users/import': 'user.imported',
  'PUT /api/security-policy': 'security_policy.updated',
  'PUT /api/calendar/overrides/:date': 'calendar_override.saved',
  'DELETE /api/calendar/overrides/:date': 'calendar_override.deleted',
};

describe.each(DATABASE_KINDS)('the audit log on %s', (kind) => {
  let h: Harness;
  let env: CallEnv;
  let auditor: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    env = callEnv(h.app, h.db.database);
    auditor = await env.session('auditor');
  });
  afterAll(async () => h?.close());

  const audit = (query = '') => send(h.app, { method: 'GET', url: `/api/audit${query}` }, auditor);
  const verify = () => send(h.app, { method: 'GET', url: '/api/audit/verify' }, auditor);

  it('gains exactly one record, under the action’s name, for every successful write', async () => {
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const targets = [{ key: 'POST /api/auth/login', role: 'liaison' as const }, ...ALL_WRITE_TARGETS];
    for (const { key, role } of targets) {
      const { req, session } = await ALL_ROUTE_CALLS[key]!(env, role);
      const before = await auditCount(h.db.database.db);
      const res = await send(h.app, req, session);
      const after = await auditCount(h.db.database.db);
      const [last] = await h.db.database.db.select().from(auditLog).where(eq(auditLog.id, after));
      const readOnly = key.endsWith('/import/preview');
      actual[key] = `${res.statusCode} +${after - before}${ACTIONS[key] ? ` ${last?.action}` : ''}`;
      expected[key] = `200 +${readOnly ? 0 : 1}${ACTIONS[key] ? ` ${ACTIONS[key]}` : ''}`;
    }
    expect(actual).toEqual(expected);
  });

  it('lets the auditor filter by actor, action and entity, and keeps secrets out of the records', async () => {
    const sys = await makeUser(h.db.database, [{ role: 'sysadmin' }], { account: 'sys_filter' });
    const s = await loginAs(h.app, sys);
    const unit = await makeUnit(h.db.database);
    for (const name of ['一改', '二改']) {
      const version = name === '一改' ? 0 : 1;
      expect((await send(h.app, { method: 'PATCH', url: `/api/units/${unit.id}`, payload: { version, name } }, s)).statusCode).toBe(200);
    }
    const created = await send(h.app, { method: 'POST', url: '/api/users', payload: { account: 'secret_check', displayName: '联络员', unitId: unit.id } }, s);

    const byActor = (await audit('?actor=sys_filter&perPage=200')).json();
    expect(byActor.data.length).toBeGreaterThanOrEqual(5); // login, TOTP, two edits, one account
    expect(byActor.data.every((r: { actorAccount: string }) => r.actorAccount === 'sys_filter')).toBe(true);
    const byEntity = (await audit(`?entity=unit&entityId=${unit.id}`)).json();
    expect(byEntity.data.map((r: { action: string; after: { name: string } }) => [r.action, r.after.name])).toEqual([
      ['unit.updated', '二改'],
      ['unit.updated', '一改'],
    ]);
    expect(byEntity.page).toEqual({ page: 1, perPage: 50, total: 2 });
    const byAction = (await audit('?action=user.created&actor=sys_filter')).json();
    expect(byAction.data).toHaveLength(1);
    const record = byAction.data[0];
    expect(record).toMatchObject({ entity: 'user', entityId: created.json().data.id, actorId: sys.id });
    expect(record.after.passwordHash).toBe('[redacted]');
    expect(JSON.stringify(byActor)).not.toContain('$argon2');
    expect((await audit('?action=no.such.action')).json().data).toEqual([]);
    expect((await audit('?actor=%25')).json().data).toEqual([]); // a LIKE wildcard is matched literally

    // Each record reads as a sentence: who, what, to which named item (issue 17 item 15).
    const unitName = byEntity.data[0].subject as string;
    expect(unitName).toBe('二改');
    expect(byEntity.data[0].actorName).toBe('测试用户');
    expect(byEntity.data[0].sentence).toBe('测试用户（sys_filter）修改了单位「二改」');
    expect(record.sentence).toBe('测试用户（sys_filter）创建了账号「联络员（secret_check）」');
    const en = (await send(h.app, { method: 'GET', url: `/api/audit?entity=unit&entityId=${unit.id}`, headers: { 'accept-language': 'en-US' } }, auditor)).json();
    expect(en.data[0].sentence).toBe('测试用户 (sys_filter) changed the unit "二改"');
    // A sign-in names the session it opened, by a prefix of the session's id, never the token.
    // A failed sign-in is not a sign-in: the action filter matches exactly.
    expect((await send(h.app, { method: 'POST', url: '/api/auth/login', payload: { account: 'sys_filter', password: 'Wrong-Pass-1' } }, null)).statusCode).toBe(401);
    const logins = (await audit('?action=auth.login&perPage=200')).json().data as { action: string }[];
    expect(new Set(logins.map((r) => r.action))).toEqual(new Set(['auth.login']));
    const login = (await audit('?action=auth.login&actor=sys_filter')).json().data[0];
    expect(login.session).toMatch(/^[0-9a-f]{12}$/);
    expect(s.cookie).not.toContain(login.session);
    expect(login.sentence).toBe('测试用户（sys_filter）登录');
    // The "who" picker lists the log's actors with their names; only the auditor reads it.
    const actors = (await send(h.app, { method: 'GET', url: '/api/audit/actors' }, auditor)).json().data;
    expect(actors).toContainEqual({ account: 'sys_filter', name: '测试用户' });
    expect((await send(h.app, { method: 'GET', url: '/api/audit/actors' }, s)).statusCode).toBe(403);
  });

  it('verifies the chain as intact, refuses to let the application change a record, and names the first tampered one', async () => {
    const ok = (await verify()).json().data;
    expect(ok).toMatchObject({ intact: true, firstBrokenId: null, reason: null });
    // The walk saw every record but its own: the verification is recorded (audit.verified) after it.
    expect(ok.checked).toBe((await auditCount(h.db.database.db)) - 1);

    const n = Math.floor(ok.checked / 2);
    await expect(h.db.database.db.execute(sql`UPDATE audit_log SET after = '{"x":1}' WHERE id = ${n}`)).rejects.toThrow();
    await expect(h.db.database.db.execute(sql`DELETE FROM audit_log WHERE id = ${n}`)).rejects.toThrow();
    expect((await verify()).json().data.intact).toBe(true);

    await h.db.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await h.db.database.db.execute(sql`UPDATE audit_log SET after = '{"x":1}' WHERE id = ${n}`);
    await h.db.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    expect((await verify()).json().data).toEqual({ intact: false, checked: n - 1, firstBrokenId: String(n), reason: 'content' });
  });
});
