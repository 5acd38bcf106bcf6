import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/enums.js';
import { changeRecordCount, refusalCount, send } from '../../testing/api.js';
import type { DatabaseKind } from '../../testing/databases.js';
import { loginAs, makeUser } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { PLANNING_MATRIX, PLANNING_ROUTE_CALLS } from '../../testing/planningCalls.js';
import { callEnv, type CallEnv } from '../../testing/routeCalls.js';

const PLANNING_PATH = /^\/api\/(programs|plans|targets|tasks|claims|projects|lights)\b/;
/**
 * The roles that tell the rules apart (the HQ office writes, the leader approves plans, a unit's
 * head claims and approves claims, the sysadmin edits no work and others only read); the liaison's
 * share is in claims.test.ts, and the app-wide matrix test covers every role.
 */
const RUNS: [DatabaseKind, readonly Role[]][] = [
  ['embedded', ['hq_office', 'leader', 'unit_head', 'sysadmin']],
  ['postgres', ['hq_office', 'unit_head']],
];

describe.each(RUNS)('who may call the planning API on %s', (kind, roles) => {
  let h: Harness;
  let env: CallEnv;
  beforeAll(async () => {
    h = await startHarness(kind);
    env = callEnv(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  it('has a matrix line and a call for every planning route, documented in the OpenAPI document', async () => {
    // The API document is for signed-in users.
    const doc = (await send(h.app, { method: 'GET', url: '/api/docs/json' }, await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }])))).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => PLANNING_PATH.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.sort()).toEqual(Object.keys(PLANNING_MATRIX).sort());
    expect(Object.keys(PLANNING_ROUTE_CALLS).sort()).toEqual(Object.keys(PLANNING_MATRIX).sort());
  });

  it('answers 401 without a session', async () => {
    const actual: Record<string, number> = {};
    for (const key of Object.keys(PLANNING_MATRIX)) {
      const [method, path] = key.split(' ') as ['GET', string];
      const res = await h.app.inject({ method, url: path.replace(/:\w+/g, () => randomUUID()), payload: method === 'GET' ? undefined : {} });
      actual[key] = res.statusCode;
    }
    expect(Object.values(actual).every((s) => s === 401), JSON.stringify(actual)).toBe(true);
  });

  it.each(Object.keys(PLANNING_MATRIX))('%s', async (key) => {
    const rule = PLANNING_MATRIX[key]!;
    const write = !key.startsWith('GET ');
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const role of roles) {
      const { req, session } = await PLANNING_ROUTE_CALLS[key]!(env, role);
      const [before, refusedBefore] = [await changeRecordCount(h.db.database), await refusalCount(h.db.database)];
      const res = await send(h.app, req, session);
      const written = (await changeRecordCount(h.db.database)) - before;
      const refused = (await refusalCount(h.db.database)) - refusedBefore;
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      actual[role] = ok ? `2xx, ${written} audit, ${refused} refusal` : `${res.statusCode} ${res.json().error?.code}, ${written} audit, ${refused} refusal`;
      // An allowed write leaves exactly one audit record of its change; a refused call none, but one access.refused.
      expected[role] = rule === 'everyone' || rule.includes(role) ? `2xx, ${write ? 1 : 0} audit, 0 refusal` : '403 forbidden, 0 audit, 1 refusal';
    }
    expect(actual).toEqual(expected);
  });
});
