// The attack: the session, CSRF and stage checks ran only when the raw URL began with `/api/`, so
// `/%61pi/me` reached the handler without them (a 500). The checks now run on the route Fastify
// matched, whatever the spelling, and every route is protected unless it declares itself public.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type Method } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { sampleUrl, servedRoutes } from '../testing/servedRoutes.js';
import { PUBLIC_COMPLAINT_ROUTES } from '../testing/complaintCalls.js';
import { PUBLIC_PORTAL_ROUTES } from '../testing/publicityCalls.js';

const PUBLIC = ['GET /api/health', 'GET /metrics', 'POST /api/auth/login', ...PUBLIC_COMPLAINT_ROUTES, ...PUBLIC_PORTAL_ROUTES];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Other spellings of one URL, as a router or a proxy might read them. */
function spellings(url: string): string[] {
  const rest = url.slice('/api/'.length);
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  return [
    url,
    `/%61pi/${rest}`,
    `/%2561pi/${rest}`,
    `/api/${hex(rest[0]!)}${rest.slice(1)}`,
    `/API/${rest}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `/api/./${rest}`,
    `/x/../api/${rest}`,
    `${url}/`,
  ];
}

/**
 * How each route is tried on each database: every spelling on the embedded one; on PostgreSQL three
 * of the ten, turning with the route's place in the list, so that every spelling is still tried
 * there. What a spelling reaches is decided before any database is touched; each refusal does
 * write (its access.refused record and counters), and writing ten per route on both took two
 * minutes of the suite.
 */
const RUNS = DATABASE_KINDS.map((kind) => [kind, kind === 'postgres' ? 3 : Infinity] as const);
const spellingsFor = (url: string, routeIndex: number, take: number): string[] => {
  const all = spellings(url);
  if (take >= all.length) return all;
  return Array.from({ length: take }, (_, k) => all[(routeIndex * take + k) % all.length]!);
};

describe.each(RUNS)('every route, however its URL is spelled, on %s', (kind, take) => {
  let h: Harness;
  let liaison: Session;
  let routes: string[];
  beforeAll(async () => {
    h = await startHarness(kind);
    liaison = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }]));
    routes = servedRoutes(h.app, { docs: true }).filter((r) => !PUBLIC.includes(r));
  });
  afterAll(async () => h?.close());

  const outcome = (res: Awaited<ReturnType<typeof send>>) => {
    const json = String(res.headers['content-type']).includes('json') ? (res.json() as { error?: { code?: string } }) : null;
    return `${res.statusCode} ${json?.error?.code ?? '(not the house error shape)'}`;
  };

  // Thousands of requests, each refusal recorded: on a busy machine more than the default minute.
  it('answers a stranger 401, or 404 where the spelling names no route: never the handler, never a 500', { timeout: 180_000 }, async () => {
    expect(routes.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const [i, key] of routes.entries()) {
      const [method, path] = key.split(' ') as [Method, string];
      for (const url of spellingsFor(sampleUrl(path, () => randomUUID()), i, take)) {
        const res = await send(h.app, { method, url, ...(method === 'GET' ? {} : { payload: {} }) });
        const got = outcome(res);
        if (got !== '401 unauthenticated' && got !== '404 not_found') wrong.push(`${method} ${url} → ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a signed-in write without its CSRF token, however spelled', { timeout: 180_000 }, async () => {
    const noToken: Session = { ...liaison, headers: { cookie: liaison.cookie } };
    const wrong: string[] = [];
    for (const [i, key] of routes.filter((r) => WRITES.has(r.split(' ')[0]!)).entries()) {
      const [method, path] = key.split(' ') as [Method, string];
      for (const url of spellingsFor(sampleUrl(path, () => randomUUID()), i, take)) {
        const got = outcome(await send(h.app, { method, url, payload: {} }, noToken));
        if (got !== '403 csrf' && got !== '404 not_found') wrong.push(`${method} ${url} → ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('serves the same route to its user however spelled, and /%61pi/me is that user', async () => {
    const me = await send(h.app, { method: 'GET', url: '/%61pi/me' }, liaison);
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().data.roles.map((r: { role: string }) => r.role)).toEqual(['liaison']);
    const stranger = await send(h.app, { method: 'GET', url: '/%61pi/me' });
    expect(outcome(stranger)).toBe('401 unauthenticated');
    // An unknown API path tells a stranger nothing (401), a user that it does not exist (404).
    expect(outcome(await send(h.app, { method: 'GET', url: '/%61pi/no-such-thing' }))).toBe('401 unauthenticated');
    expect(outcome(await send(h.app, { method: 'GET', url: '/%61pi/no-such-thing' }, liaison))).toBe('404 not_found');
  });
});
