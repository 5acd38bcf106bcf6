import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll } from 'vitest';
import type { z } from 'zod';
import { dayNumber, fromDayNumber } from '../../domain/calendar/days.js';
import type { Role } from '../../domain/enums.js';
import { ChangePasswordBody, RecoveryCodeBody, TotpCodeBody } from '../../domain/schemas/auth.js';
import { replaceRecoveryCodes } from '../security/recoveryCodes.js';
import { freshTotpCode } from './totpCodes.js';
import { CalendarOverrideBody } from '../../domain/schemas/calendar.js';
import { BodyCreate, BodyMemberCreate, BodyUpdate, RegionCreate, RegionUpdate, UnitCreate, UnitUpdate } from '../../domain/schemas/org.js';
import { RoleProposalReject, UserCreate, UserUpdate, VersionBody } from '../../domain/schemas/users.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { calendarOverrides, roleProposals } from '../db/schema/index.js';
import { readSecurityPolicy } from '../queries/settings.js';
import { SecurityPolicyUpdate } from '../routes/securityPolicy.js';
import { newTotpSecret } from '../security/totp.js';
import type { ApiRequest } from './api.js';
import type { DatabaseKind } from './databases.js';
import { startHarness, type Harness } from './harness.js';
import type { BodyKind } from './garbage.js';
import { loginAs, makeBody, makeMember, makeRegion, makeUnit, makeUser, type MadeUser, type Session } from './factories.js';
import { multipart, xlsxFile } from './xlsx.js';

/** What a call builder may use: the app, its database and one signed-in session per role. */
export interface CallEnv {
  app: App;
  database: Database;
  session(role: Role): Promise<Session>;
}

/** A request that succeeds when its caller is allowed: real ids of fresh rows and a valid body. */
export interface PreparedCall {
  req: ApiRequest;
  /** Who sends it: null for an anonymous call. */
  session: Session | null;
}

export type CallBuilder = (env: CallEnv, role: Role) => Promise<PreparedCall>;

/** Sessions per role, made on first use and reused (no builder ends them). */
export function callEnv(app: App, database: Database): CallEnv {
  const sessions = new Map<Role, Promise<Session>>();
  return {
    app,
    database,
    session(role) {
      if (!sessions.has(role)) sessions.set(role, makeUser(database, [{ role }]).then((u) => loginAs(app, u)));
      return sessions.get(role)!;
    },
  };
}

/**
 * For a describe block that calls routes through the call builders: a fresh app on `kind` started
 * before its tests and closed after them, with its call environment. Read `h` and `env` inside
 * hooks and tests (they are set once the block's beforeAll has run).
 */
export function harnessWithCalls(kind: DatabaseKind): { readonly h: Harness; readonly env: CallEnv } {
  let h: Harness | undefined;
  let env: CallEnv | undefined;
  beforeAll(async () => {
    h = await startHarness(kind);
    env = callEnv(h.app, h.db.database);
  });
  afterAll(async () => h?.close());
  return {
    get h() {
      if (!h) throw new Error('the harness is read before its beforeAll ran');
      return h;
    },
    get env() {
      if (!env) throw new Error('the call environment is read before its beforeAll ran');
      return env;
    },
  };
}

const hex = () => randomBytes(4).toString('hex');
let dayOffset = 0;
/** A date no other call has used, for calendar overrides. */
const freshDate = () => fromDayNumber(dayNumber('2040-01-01') + dayOffset++);

/** A user of this role signed in on a session of their own, for calls that change the session. */
async function ownSession(env: CallEnv, role: Role, over: Parameters<typeof makeUser>[2] = {}): Promise<{ user: MadeUser; session: Session }> {
  const user = await makeUser(env.database, [{ role }], over);
  // Without the secret, loginAs stops before the TOTP step and the session stays at its first stage.
  const session = await loginAs(env.app, 'totpSecret' in over ? { ...user, totpSecret: null } : user);
  return { user, session };
}

/** A pending proposal (by a sysadmin of its own) to make a fresh account the auditor. */
async function makeProposal(env: CallEnv): Promise<string> {
  const [target, proposer] = [await makeUser(env.database, []), await makeUser(env.database, [{ role: 'sysadmin' }])];
  const [p] = await env.database.db
    .insert(roleProposals)
    .values({ userId: target.id, before: [], roles: [{ role: 'auditor', unitId: null, bodyId: null }], proposedById: proposer.id })
    .returning({ id: roleProposals.id });
  return p!.id;
}

const as = async (env: CallEnv, role: Role, req: ApiRequest): Promise<PreparedCall> => ({ req, session: await env.session(role) });

/** One builder per route, keyed "METHOD /path" exactly as Fastify lists it. */
export const ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/health': async () => ({ req: { method: 'GET', url: '/api/health' }, session: null }),
  'GET /metrics': async () => ({ req: { method: 'GET', url: '/metrics' }, session: null }),
  'POST /api/auth/login': async (env, role) => {
    const u = await makeUser(env.database, [{ role }]);
    return { req: { method: 'POST', url: '/api/auth/login', payload: { account: u.account, password: u.password } }, session: null };
  },
  'POST /api/auth/logout': async (env, role) => ({ req: { method: 'POST', url: '/api/auth/logout' }, session: (await ownSession(env, role)).session }),
  'POST /api/auth/password': async (env, role) => {
    const { user, session } = await ownSession(env, role);
    return { req: { method: 'POST', url: '/api/auth/password', payload: { currentPassword: user.password, newPassword: 'Changed-Pass-9' } }, session };
  },
  'POST /api/auth/totp/setup': async (env, role) => ({
    req: { method: 'POST', url: '/api/auth/totp/setup' },
    session: (await ownSession(env, role, { totpSecret: null, totpEnabled: false })).session,
  }),
  'POST /api/auth/totp/enrol': async (env, role) => {
    const { session } = await ownSession(env, role, { totpSecret: null, totpEnabled: false });
    const setup = await env.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: session.headers });
    const code = await generate({ secret: setup.json().data.secret });
    return { req: { method: 'POST', url: '/api/auth/totp/enrol', payload: { code } }, session };
  },
  'POST /api/auth/totp/verify': async (env, role) => {
    const secret = newTotpSecret();
    const { session } = await ownSession(env, role, { totpSecret: secret, totpEnabled: true });
    return { req: { method: 'POST', url: '/api/auth/totp/verify', payload: { code: await generate({ secret }) } }, session };
  },
  'POST /api/auth/totp/recover': async (env, role) => {
    const secret = newTotpSecret();
    const { user, session } = await ownSession(env, role, { totpSecret: secret, totpEnabled: true });
    const [code] = await replaceRecoveryCodes(env.database.db, user.id);
    return { req: { method: 'POST', url: '/api/auth/totp/recover', payload: { code } }, session };
  },
  'POST /api/auth/totp/recovery-codes': async (env, role) => {
    const secret = newTotpSecret();
    const user = await makeUser(env.database, [{ role }], { totpSecret: secret, totpEnabled: true });
    const session = await loginAs(env.app, { ...user, totpSecret: secret });
    return { req: { method: 'POST', url: '/api/auth/totp/recovery-codes', payload: { code: await freshTotpCode(secret) } }, session };
  },
  'GET /api/me': (env, role) => as(env, role, { method: 'GET', url: '/api/me' }),

  'GET /api/regions': (env, role) => as(env, role, { method: 'GET', url: '/api/regions' }),
  'POST /api/regions': (env, role) => as(env, role, { method: 'POST', url: '/api/regions', payload: { code: `r_${hex()}`, name: '测试新区' } }),
  'PATCH /api/regions/:id': async (env, role) =>
    as(env, role, { method: 'PATCH', url: `/api/regions/${(await makeRegion(env.database)).id}`, payload: { version: 0, name: '改名区' } }),

  'GET /api/units': (env, role) => as(env, role, { method: 'GET', url: '/api/units?kind=department' }),
  'GET /api/units/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/units/${(await makeUnit(env.database)).id}` }),
  'POST /api/units': async (env, role) =>
    as(env, role, {
      method: 'POST',
      url: '/api/units',
      payload: { code: `u_${hex()}`, name: '区新设局', kind: 'department', regionId: (await makeRegion(env.database)).id },
    }),
  'PATCH /api/units/:id': async (env, role) =>
    as(env, role, { method: 'PATCH', url: `/api/units/${(await makeUnit(env.database)).id}`, payload: { version: 0, name: '区改名局' } }),

  'GET /api/bodies': (env, role) => as(env, role, { method: 'GET', url: '/api/bodies' }),
  'GET /api/bodies/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/bodies/${(await makeBody(env.database)).id}` }),
  'POST /api/bodies': async (env, role) =>
    as(env, role, {
      method: 'POST',
      url: '/api/bodies',
      payload: { code: `b_${hex()}`, name: '营商环境专项推进组', kind: 'task_force', regionId: (await makeRegion(env.database)).id },
    }),
  'PATCH /api/bodies/:id': async (env, role) =>
    as(env, role, { method: 'PATCH', url: `/api/bodies/${(await makeBody(env.database)).id}`, payload: { version: 0, name: '改名专项组' } }),
  'POST /api/bodies/:id/members': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/bodies/${(await makeBody(env.database)).id}/members`, payload: { post: 'deputy_leader', title: '区长' } }),
  'DELETE /api/bodies/:id/members/:memberId': async (env, role) => {
    const body = await makeBody(env.database);
    const member = await makeMember(env.database, body.id);
    return as(env, role, { method: 'DELETE', url: `/api/bodies/${body.id}/members/${member.id}` });
  },

  'GET /api/users': (env, role) => as(env, role, { method: 'GET', url: '/api/users?perPage=5' }),
  'GET /api/users/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/users/${(await makeUser(env.database, [{ role: 'liaison' }])).id}` }),
  'POST /api/users': async (env, role) =>
    as(env, role, {
      method: 'POST',
      url: '/api/users',
      payload: { account: `n_${hex()}`, displayName: '新联络员', unitId: (await makeUnit(env.database)).id, roles: [{ role: 'liaison' }] },
    }),
  'PATCH /api/users/:id': async (env, role) =>
    as(env, role, { method: 'PATCH', url: `/api/users/${(await makeUser(env.database, [])).id}`, payload: { version: 0, displayName: '改名联络员' } }),
  'POST /api/users/:id/disable': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/users/${(await makeUser(env.database, [])).id}/disable`, payload: { version: 0 } }),
  'POST /api/users/:id/enable': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/users/${(await makeUser(env.database, [], { disabled: true })).id}/enable`, payload: { version: 0 } }),
  'POST /api/users/:id/reset-password': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/users/${(await makeUser(env.database, [])).id}/reset-password`, payload: { version: 0 } }),
  'POST /api/users/:id/unlock': async (env, role) => as(env, role, { method: 'POST', url: `/api/users/${(await makeUser(env.database, [])).id}/unlock` }),
  'POST /api/users/:id/reset-totp': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/users/${(await makeUser(env.database, [{ role: 'auditor' }])).id}/reset-totp` }),
  'GET /api/users/import/template': (env, role) => as(env, role, { method: 'GET', url: '/api/users/import/template' }),
  'POST /api/users/import/preview': async (env, role) => {
    const unit = await makeUnit(env.database);
    const file = multipart(await xlsxFile([[`i_${hex()}`, '导入联络员', '', unit.code, '联络员']]));
    return as(env, role, { method: 'POST', url: '/api/users/import/preview', ...file });
  },
  'POST /api/users/import': async (env, role) => {
    const unit = await makeUnit(env.database);
    const file = multipart(await xlsxFile([[`i_${hex()}`, '导入联络员', '', unit.name, '联络员']]));
    return as(env, role, { method: 'POST', url: '/api/users/import', ...file });
  },

  'GET /api/role-proposals': (env, role) => as(env, role, { method: 'GET', url: '/api/role-proposals?perPage=5' }),
  'POST /api/role-proposals/:id/approve': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/role-proposals/${await makeProposal(env)}/approve` }),
  'POST /api/role-proposals/:id/reject': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/role-proposals/${await makeProposal(env)}/reject`, payload: { reason: '人选未经审定' } }),

  'GET /api/security-policy': (env, role) => as(env, role, { method: 'GET', url: '/api/security-policy' }),
  'PUT /api/security-policy': async (env, role) =>
    as(env, role, { method: 'PUT', url: '/api/security-policy', payload: await readSecurityPolicy(env.database.db) }),

  'GET /api/audit': (env, role) => as(env, role, { method: 'GET', url: '/api/audit?perPage=5&entity=user' }),
  'GET /api/audit/verify': (env, role) => as(env, role, { method: 'GET', url: '/api/audit/verify' }),
  'GET /api/audit/actors': (env, role) => as(env, role, { method: 'GET', url: '/api/audit/actors' }),
  'GET /api/system/status': (env, role) => as(env, role, { method: 'GET', url: '/api/system/status' }),

  'GET /api/calendar/workdays': (env, role) => as(env, role, { method: 'GET', url: '/api/calendar/workdays?from=2026-01-01&to=2026-03-31' }),
  'GET /api/calendar/overrides': (env, role) => as(env, role, { method: 'GET', url: '/api/calendar/overrides?year=2026' }),
  'PUT /api/calendar/overrides/:date': (env, role) =>
    as(env, role, { method: 'PUT', url: `/api/calendar/overrides/${freshDate()}`, payload: { workday: true, note: '调休上班' } }),
  'DELETE /api/calendar/overrides/:date': async (env, role) => {
    const date = freshDate();
    await env.database.db.insert(calendarOverrides).values({ date, workday: false, note: '区防汛值守' });
    return as(env, role, { method: 'DELETE', url: `/api/calendar/overrides/${date}` });
  },
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
const NONE: BodyKind = { kind: 'none' };
const FILE: BodyKind = { kind: 'multipart' };

/**
 * Every write of these routes, who performs it in the tests (someone allowed to; self-service calls
 * by ordinary roles) and what its input looks like. Login is left out: it writes even when it fails.
 */
export const WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/auth/logout', role: 'liaison', body: NONE },
  { key: 'POST /api/auth/password', role: 'liaison', body: json(ChangePasswordBody) },
  { key: 'POST /api/auth/totp/setup', role: 'liaison', body: NONE },
  { key: 'POST /api/auth/totp/enrol', role: 'secadmin', body: json(TotpCodeBody) },
  { key: 'POST /api/auth/totp/verify', role: 'unit_head', body: json(TotpCodeBody) },
  { key: 'POST /api/auth/totp/recover', role: 'unit_head', body: json(RecoveryCodeBody) },
  { key: 'POST /api/auth/totp/recovery-codes', role: 'unit_head', body: json(TotpCodeBody) },
  { key: 'POST /api/regions', role: 'sysadmin', body: json(RegionCreate) },
  { key: 'PATCH /api/regions/:id', role: 'sysadmin', body: json(RegionUpdate) },
  { key: 'POST /api/units', role: 'sysadmin', body: json(UnitCreate) },
  { key: 'PATCH /api/units/:id', role: 'sysadmin', body: json(UnitUpdate) },
  { key: 'POST /api/bodies', role: 'sysadmin', body: json(BodyCreate) },
  { key: 'PATCH /api/bodies/:id', role: 'sysadmin', body: json(BodyUpdate) },
  { key: 'POST /api/bodies/:id/members', role: 'sysadmin', body: json(BodyMemberCreate) },
  { key: 'DELETE /api/bodies/:id/members/:memberId', role: 'sysadmin', body: NONE },
  { key: 'POST /api/users', role: 'sysadmin', body: json(UserCreate) },
  { key: 'PATCH /api/users/:id', role: 'sysadmin', body: json(UserUpdate) },
  { key: 'POST /api/users/:id/disable', role: 'sysadmin', body: json(VersionBody) },
  { key: 'POST /api/users/:id/enable', role: 'sysadmin', body: json(VersionBody) },
  { key: 'POST /api/users/:id/reset-password', role: 'sysadmin', body: json(VersionBody) },
  { key: 'POST /api/users/:id/unlock', role: 'secadmin', body: NONE },
  { key: 'POST /api/users/:id/reset-totp', role: 'secadmin', body: NONE },
  { key: 'POST /api/users/import/preview', role: 'sysadmin', body: FILE },
  { key: 'POST /api/users/import', role: 'sysadmin', body: FILE },
  { key: 'POST /api/role-proposals/:id/approve', role: 'secadmin', body: NONE },
  { key: 'POST /api/role-proposals/:id/reject', role: 'secadmin', body: json(RoleProposalReject) },
  { key: 'PUT /api/security-policy', role: 'secadmin', body: json(SecurityPolicyUpdate) },
  { key: 'PUT /api/calendar/overrides/:date', role: 'sysadmin', body: json(CalendarOverrideBody) },
  { key: 'DELETE /api/calendar/overrides/:date', role: 'sysadmin', body: NONE },
];
