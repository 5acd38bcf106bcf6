import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/enums.js';
import { roleProposals } from '../db/schema/index.js';
import { auditMark, recordsSince, send } from '../testing/api.js';
import { loginAs, makeUnit, makeUser } from '../testing/factories.js';
import type { DatabaseKind } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { ALL_ROUTE_CALLS } from '../testing/allRoutes.js';
import { allows, ROUTE_MATRIX, type Allowed } from '../testing/routeMatrix.js';
import { harnessWithCalls } from '../testing/routeCalls.js';
import { servedRoutes } from '../testing/servedRoutes.js';

const MATRIX = ROUTE_MATRIX;

const is = (role: Role, ...roles: Role[]) => roles.includes(role);
const org = (r: Role) => ({ read: true, create: is(r, 'sysadmin'), update: is(r, 'sysadmin') });
/** The `policies` each read must send, so the UI offers exactly what the server allows. */
const POLICIES: Record<string, (r: Role) => Record<string, boolean>> = {
  'GET /api/regions': org,
  'GET /api/units': org,
  'GET /api/units/:id': org,
  'GET /api/bodies': org,
  'GET /api/bodies/:id': org,
  'GET /api/users': (r) => {
    const sys = is(r, 'sysadmin');
    const sec = is(r, 'secadmin');
    return { read: true, create: sys, update: sys, disable: sys, enable: sys, resetPassword: sys, resetAdminPassword: sec, disableAdmin: sec, enableAdmin: sec, import: sys, unlock: sec, resetTotp: sec };
  },
  'GET /api/role-proposals': (r) => ({ read: true, decide: is(r, 'secadmin') }),
  'GET /api/security-policy': () => ({ read: true, update: true }),
  'GET /api/audit': () => ({ read: true, verify: true }),
  'GET /api/calendar/overrides': (r) => ({ read: true, update: is(r, 'sysadmin') }),
};

/** POSTs that only read (a file upload checked without writing). */
const READ_ONLY_POSTS = new Set(['POST /api/users/import/preview']);

const isHidden = (rule: Allowed) => typeof rule === 'object' && 'hidden' in rule;

describe('the authorization matrix', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('embedded');
  });
  afterAll(async () => h?.close());

  const HOW = 'add a hand-written line (and a call builder) to CORE_MATRIX here or to an area’s matrix gathered in server/testing/allRoutes.ts';
  const lines = Object.keys(MATRIX);

  it('has a line for every route the app serves, and no line for a route it does not', async () => {
    const served = servedRoutes(h.app);
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((r) => !lines.includes(r)), `routes without a matrix line: ${HOW}`).toEqual([]);
    expect(lines.filter((r) => !served.includes(r)), 'matrix lines for routes the app does not serve').toEqual([]);
    expect(lines.filter((r) => !ALL_ROUTE_CALLS[r]), `matrix lines without a call builder: ${HOW}`).toEqual([]);
  });

  it('has a line for every operation of the OpenAPI document', async () => {
    // The API document is for signed-in users, as every route that does not declare itself public.
    const doc = (await send(h.app, { method: 'GET', url: '/api/docs/json' }, await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }])))).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.filter((r) => !lines.includes(r)), `documented operations without a matrix line: ${HOW}`).toEqual([]);
    // A hidden route is left out of the document every signed-in user may read.
    expect(lines.filter((r) => !documented.includes(r) && !isHidden(MATRIX[r]!)), 'matrix lines missing from the OpenAPI document').toEqual([]);
    expect(lines.filter((r) => documented.includes(r) && isHidden(MATRIX[r]!)), 'hidden routes in the OpenAPI document').toEqual([]);
  });
});

/** On PostgreSQL, a sample: the unit's and the HQ office's roles (who write the work) and the three admin duties. */
const SAMPLE: readonly Role[] = ['liaison', 'hq_office', 'sysadmin', 'secadmin', 'auditor'];
const RUNS: [DatabaseKind, readonly Role[]][] = [
  ['embedded', ROLES],
  ['postgres', SAMPLE],
];

describe.each(RUNS)('who may call what on %s', (kind, roles) => {
  const t = harnessWithCalls(kind);

  it('answers 401 to every non-public route without a session, or with a session nobody has', async () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule === 'public') continue;
      const [method, path] = key.split(' ') as ['GET', string];
      const url = path.replace(':date', '2026-06-01').replace(/:\w+/g, () => randomUUID());
      for (const cookie of [undefined, 'tuijin_sid=forged-token']) {
        const res = await t.h.app.inject({ method, url, ...(cookie ? { headers: { cookie, 'x-csrf-token': 'x' } } : {}), payload: method === 'GET' ? undefined : {} });
        expected[`${key} ${cookie ? 'forged' : 'none'}`] = '401 unauthenticated';
        actual[`${key} ${cookie ? 'forged' : 'none'}`] = `${res.statusCode} ${res.json().error?.code}`;
      }
    }
    expect(actual).toEqual(expected);
  });

  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const rule = MATRIX[key]!;
    const write = !key.startsWith('GET ') && !READ_ONLY_POSTS.has(key);
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const role of roles) {
      const { req, session } = await ALL_ROUTE_CALLS[key]!(t.env, role);
      const mark = await auditMark(t.h.db.database);
      const res = await send(t.h.app, req, session);
      const { changes: written, refusals: refused } = await recordsSince(t.h.db.database, mark);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      actual[role] = ok ? `2xx, ${written} audit, ${refused} refusal` : `${res.statusCode} ${res.json().error?.code}, ${written} audit, ${refused} refusal`;
      // An allowed write leaves exactly one audit record of its change; a refused call none, but one access.refused.
      expected[role] = allows(rule, role) ? `2xx, ${write ? 1 : 0} audit, 0 refusal` : isHidden(rule) ? '404 not_found, 0 audit, 0 refusal' : '403 forbidden, 0 audit, 1 refusal';
      const policies = POLICIES[key];
      if (ok && policies) expect(res.json().policies, `${key} as ${role}`).toEqual(policies(role));
    }
    expect(actual).toEqual(expected);
  });
});

/**
 * 三员分立 on top of the route lines: which account an admin may act on. Hand-written from the
 * rules of the issue (domain/adminSeparation.ts implements them): an admin's password is the
 * secadmin's to reset, anyone else's the sysadmin's, nobody's own; a proposed change of admin
 * roles is decided by a secadmin other than the account concerned; nobody changes their own roles.
 */
const RESET_PASSWORD: Record<'sysadmin' | 'secadmin', Record<'liaison' | 'sysadmin' | 'secadmin' | 'auditor' | 'pendingAuditor' | 'self', string>> = {
  sysadmin: { liaison: '2xx', sysadmin: '403 admin_reset_needs_secadmin', secadmin: '403 admin_reset_needs_secadmin', auditor: '403 admin_reset_needs_secadmin', pendingAuditor: '403 admin_reset_needs_secadmin', self: '403 own_account' },
  secadmin: { liaison: '403 forbidden', sysadmin: '2xx', secadmin: '2xx', auditor: '2xx', pendingAuditor: '2xx', self: '403 own_account' },
};
/** Disabling an account follows the same rule as resetting its password. */
const DISABLE: typeof RESET_PASSWORD = {
  sysadmin: { ...RESET_PASSWORD.sysadmin, sysadmin: '403 admin_toggle_needs_secadmin', secadmin: '403 admin_toggle_needs_secadmin', auditor: '403 admin_toggle_needs_secadmin', pendingAuditor: '403 admin_toggle_needs_secadmin', self: '422 self_disable' },
  secadmin: { ...RESET_PASSWORD.secadmin, self: '422 self_disable' },
};
const DECIDE: Record<'proposer' | 'otherSysadmin' | 'secadmin' | 'concernedSecadmin' | 'auditor', string> = {
  proposer: '403 forbidden',
  otherSysadmin: '403 forbidden',
  secadmin: '2xx',
  concernedSecadmin: '403 own_roles',
  auditor: '403 forbidden',
};

describe.each(['embedded', 'postgres'] as const)('the admin duties stay separate on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const outcome = (res: { statusCode: number; json(): { error?: { code: string } } }) =>
    res.statusCode >= 200 && res.statusCode < 300 ? '2xx' : `${res.statusCode} ${res.json().error?.code}`;
  const signedIn = async (role: Role) => {
    const user = await makeUser(h.db.database, [{ role }]);
    return { user, session: await loginAs(h.app, user) };
  };

  it.each([
    ['resets passwords', 'reset-password', RESET_PASSWORD],
    ['disables accounts', 'disable', DISABLE],
  ] as const)('%s by the account it concerns', async (_, action, expected) => {
    const actual: Record<string, Record<string, string>> = {};
    for (const actorRole of ['sysadmin', 'secadmin'] as const) {
      const actor = await signedIn(actorRole);
      actual[actorRole] = {};
      for (const target of Object.keys(expected[actorRole]) as (keyof (typeof RESET_PASSWORD)['sysadmin'])[]) {
        let id: string;
        if (target === 'self') id = actor.user.id;
        else if (target === 'pendingAuditor') {
          id = (await makeUser(h.db.database, [])).id;
          await h.db.database.db.insert(roleProposals).values({ userId: id, before: [], roles: [{ role: 'auditor', unitId: null, bodyId: null }], proposedById: actor.user.id });
        } else id = (await makeUser(h.db.database, [{ role: target }])).id;
        const mark = await auditMark(h.db.database);
        const res = await send(h.app, { method: 'POST', url: `/api/users/${id}/${action}`, payload: { version: 0 } }, actor.session);
        actual[actorRole][target] = outcome(res);
        // A change leaves its record; a refusal (403) leaves an access.refused one instead.
        expect(await recordsSince(h.db.database, mark)).toEqual({ changes: res.statusCode === 200 ? 1 : 0, refusals: res.statusCode === 403 ? 1 : 0 });
      }
    }
    expect(actual).toEqual(expected);
  });

  it('decides a proposed change of admin roles only by a secadmin not concerned by it', async () => {
    const actual: Record<string, string> = {};
    for (const who of Object.keys(DECIDE) as (keyof typeof DECIDE)[]) {
      const proposer = await signedIn('sysadmin');
      const concerned = await signedIn('secadmin');
      const [p] = await h.db.database.db
        .insert(roleProposals)
        .values({ userId: concerned.user.id, before: [{ role: 'secadmin', unitId: null, bodyId: null }], roles: [], proposedById: proposer.user.id })
        .returning();
      const session =
        who === 'proposer' ? proposer.session : who === 'concernedSecadmin' ? concerned.session : (await signedIn(who === 'otherSysadmin' ? 'sysadmin' : who === 'secadmin' ? 'secadmin' : 'auditor')).session;
      actual[who] = outcome(await send(h.app, { method: 'POST', url: `/api/role-proposals/${p!.id}/approve` }, session));
    }
    expect(actual).toEqual(DECIDE);
  });

  it('lets nobody change their own roles, nor combine admin duties', async () => {
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const unit = await makeUnit(h.db.database);
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const me = await signedIn(role);
      expected[`${role} grants itself hq_office`] = role === 'sysadmin' ? '403 own_roles' : '403 forbidden';
      actual[`${role} grants itself hq_office`] = outcome(
        await send(h.app, { method: 'PATCH', url: `/api/users/${me.user.id}`, payload: { version: 0, roles: [{ role }, { role: 'hq_office' }] } }, me.session),
      );
    }
    const sys = await signedIn('sysadmin');
    for (const [a, b] of [['auditor', 'secadmin'], ['sysadmin', 'auditor'], ['secadmin', 'liaison'], ['auditor', 'leader']] as const) {
      expected[`create ${a}+${b}`] = `422 roles_admin_with_${b === 'liaison' || b === 'leader' ? 'program' : 'admin'}`;
      const payload = { account: `x_${randomUUID().slice(0, 8)}`, displayName: '兼任', unitId: unit.id, roles: [{ role: a }, { role: b }] };
      actual[`create ${a}+${b}`] = outcome(await send(h.app, { method: 'POST', url: '/api/users', payload }, sys.session));
    }
    expect(actual).toEqual(expected);
  });
});
