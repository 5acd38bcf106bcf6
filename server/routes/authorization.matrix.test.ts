import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/enums.js';
import { auditCount } from '../audit.js';
import { send } from '../testing/api.js';
import type { DatabaseKind } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { ALL_ROUTE_CALLS, AREA_MATRICES } from '../testing/allRoutes.js';
import { callEnv, type CallEnv } from '../testing/routeCalls.js';
import type { App } from '../app.js';

type Allowed = 'public' | 'everyone' | readonly Role[];
const SYS = ['sysadmin'] as const;
const SEC = ['secadmin'] as const;

/**
 * Who may call what, written by hand from the rules of the issue (not read from server/policies,
 * so that a mistake there shows up here). Every route of the app must have a line: these, or an
 * area's own hand-written lines (planning: server/testing/planningCalls.ts) gathered in allRoutes.ts.
 */
const CORE_MATRIX: Record<string, Allowed> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'everyone',
  'POST /api/auth/password': 'everyone',
  'POST /api/auth/totp/setup': 'everyone',
  'POST /api/auth/totp/enrol': 'everyone',
  'POST /api/auth/totp/verify': 'everyone',
  'GET /api/me': 'everyone',
  'GET /api/regions': 'everyone',
  'POST /api/regions': SYS,
  'PATCH /api/regions/:id': SYS,
  'GET /api/units': 'everyone',
  'GET /api/units/:id': 'everyone',
  'POST /api/units': SYS,
  'PATCH /api/units/:id': SYS,
  'GET /api/bodies': 'everyone',
  'GET /api/bodies/:id': 'everyone',
  'POST /api/bodies': SYS,
  'PATCH /api/bodies/:id': SYS,
  'POST /api/bodies/:id/members': SYS,
  'DELETE /api/bodies/:id/members/:memberId': SYS,
  'GET /api/users': ['sysadmin', 'secadmin'],
  'GET /api/users/:id': ['sysadmin', 'secadmin'],
  'POST /api/users': SYS,
  'PATCH /api/users/:id': SYS,
  'POST /api/users/:id/disable': SYS,
  'POST /api/users/:id/enable': SYS,
  'POST /api/users/:id/reset-password': SYS,
  'POST /api/users/:id/unlock': SEC,
  'POST /api/users/:id/reset-totp': SEC,
  'GET /api/users/import/template': SYS,
  'POST /api/users/import/preview': SYS,
  'POST /api/users/import': SYS,
  'GET /api/security-policy': SEC,
  'PUT /api/security-policy': SEC,
  'GET /api/audit': ['auditor'],
  'GET /api/audit/verify': ['auditor'],
  'GET /api/calendar/workdays': 'everyone',
  'GET /api/calendar/overrides': 'everyone',
  'PUT /api/calendar/overrides/:date': SYS,
  'DELETE /api/calendar/overrides/:date': SYS,
};

const MATRIX: Record<string, Allowed> = { ...CORE_MATRIX, ...AREA_MATRICES };

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
    return { read: true, create: sys, update: sys, disable: sys, enable: sys, resetPassword: sys, import: sys, unlock: sec, resetTotp: sec };
  },
  'GET /api/security-policy': () => ({ read: true, update: true }),
  'GET /api/audit': () => ({ read: true, verify: true }),
  'GET /api/calendar/overrides': (r) => ({ read: true, update: is(r, 'sysadmin') }),
};

/** POSTs that only read (a file upload checked without writing). */
const READ_ONLY_POSTS = new Set(['POST /api/users/import/preview']);

const allows = (rule: Allowed, role: Role) => rule === 'public' || rule === 'everyone' || rule.includes(role);

/** Every "METHOD /path" the app serves (HEAD and the API document's own pages left out). */
function servedRoutes(app: App): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^(.*?)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    if (path.startsWith('/api/docs')) continue;
    for (const method of (m[3] ?? '').split(', ')) if (method && method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out.sort();
}

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
    const doc = (await h.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.filter((r) => !lines.includes(r)), `documented operations without a matrix line: ${HOW}`).toEqual([]);
    expect(lines.filter((r) => !documented.includes(r)), 'matrix lines missing from the OpenAPI document').toEqual([]);
  });
});

/** On PostgreSQL, a sample: an ordinary role and the three admin duties. */
const SAMPLE: readonly Role[] = ['liaison', 'sysadmin', 'secadmin', 'auditor'];
const RUNS: [DatabaseKind, readonly Role[]][] = [
  ['embedded', ROLES],
  ['postgres', SAMPLE],
];

describe.each(RUNS)('who may call what on %s', (kind, roles) => {
  let h: Harness;
  let env: CallEnv;
  beforeAll(async () => {
    h = await startHarness(kind);
    env = callEnv(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  it('answers 401 to every non-public route without a session, or with a session nobody has', async () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule === 'public') continue;
      const [method, path] = key.split(' ') as ['GET', string];
      const url = path.replace(':date', '2026-06-01').replace(/:\w+/g, () => randomUUID());
      for (const cookie of [undefined, 'tuijin_sid=forged-token']) {
        const res = await h.app.inject({ method, url, ...(cookie ? { headers: { cookie, 'x-csrf-token': 'x' } } : {}), payload: method === 'GET' ? undefined : {} });
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
      const { req, session } = await ALL_ROUTE_CALLS[key]!(env, role);
      const before = await auditCount(h.db.database.db);
      const res = await send(h.app, req, session);
      const written = (await auditCount(h.db.database.db)) - before;
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      actual[role] = ok ? `2xx, ${written} audit` : `${res.statusCode} ${res.json().error?.code}, ${written} audit`;
      // An allowed write leaves exactly one audit record; a refused call leaves none.
      expected[role] = allows(rule, role) ? `2xx, ${write ? 1 : 0} audit` : '403 forbidden, 0 audit';
      const policies = POLICIES[key];
      if (ok && policies) expect(res.json().policies, `${key} as ${role}`).toEqual(policies(role));
    }
    expect(actual).toEqual(expected);
  });
});
