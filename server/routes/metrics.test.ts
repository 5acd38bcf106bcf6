// What an operator's monitoring reads (issue 25 item 5): GET /metrics in Prometheus's text format,
// guarded by a token or the loopback address, and a health probe that names what failed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordJobRun } from '../jobs/jobHealth.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

/** The value of one series in a Prometheus text body, or undefined when it is not there. */
function series(body: string, name: string, labels = ''): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe.each(DATABASE_KINDS)('monitoring on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  it('counts requests by route pattern and status class, beside the pool, the jobs, the feed and the process', async () => {
    const session = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }]));
    const before = series((await h.app.inject({ url: '/metrics' })).body, 'tuijin_http_request_duration_seconds_count', '{method="GET",route="/api/units/:id",status="4xx"}') ?? 0;
    for (let i = 0; i < 3; i++) expect((await send(h.app, { method: 'GET', url: `/api/units/${randomUUID()}` }, session)).statusCode).toBe(404);
    const res = await h.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = res.body;
    // One series per route pattern, not per id.
    expect(series(body, 'tuijin_http_request_duration_seconds_count', '{method="GET",route="/api/units/:id",status="4xx"}')).toBe(before + 3);
    expect(body).not.toMatch(/route="\/api\/units\/[0-9a-f]{8}-/);
    expect(series(body, 'tuijin_job_failing', '{job="midnight"}')).toBe(0);
    expect(series(body, 'tuijin_sse_clients')).toBe(0);
    expect(series(body, 'tuijin_audit_pending_records')).toBeGreaterThanOrEqual(0);
    expect(series(body, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    if (kind === 'postgres') expect(series(body, 'tuijin_db_pool_connections', '{state="total"}')).toBeGreaterThanOrEqual(1);
    else expect(body).not.toContain('tuijin_db_pool_connections{');
  });

  it('says which scheduled job failed, with 503, until it runs again without an error', async () => {
    const health = async () => {
      const r = await h.app.inject({ url: '/api/health' });
      return [r.statusCode, r.json()];
    };
    expect(await health()).toEqual([200, { status: 'ok', database: 'ok', failingJobs: [] }]);
    recordJobRun(h.db.database, 'midnight', Date.now(), new Error('the lights could not be stored'));
    expect(await health()).toEqual([503, { status: 'degraded', database: 'ok', failingJobs: ['midnight'] }]);
    expect(series((await h.app.inject({ url: '/metrics' })).body, 'tuijin_job_failing', '{job="midnight"}')).toBe(1);
    recordJobRun(h.db.database, 'midnight', Date.now() + 1);
    expect(await health()).toEqual([200, { status: 'ok', database: 'ok', failingJobs: [] }]);
  });

  it('refuses, without a token, a request a proxy on this machine forwarded from elsewhere', async () => {
    for (const headers of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }]) {
      expect((await h.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers })).statusCode).toBe(403);
    }
  });

  it('refuses a client on another machine when no token is set, whatever it claims', async () => {
    for (const remoteAddress of ['10.0.0.5', '192.168.1.20', '::ffff:10.1.2.3']) {
      const r = await h.app.inject({ url: '/metrics', remoteAddress, headers: { 'x-forwarded-for': '127.0.0.1', authorization: 'Bearer anything-at-all-here' } });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
    }
  });
});

describe('monitoring with TUIJIN_METRICS_TOKEN', () => {
  let h: Harness;
  const token = 'm3tr1cs-t0ken-for-prometheus';
  beforeAll(async () => {
    h = await startHarness('embedded', { metricsToken: token });
  });
  afterAll(async () => h?.close());

  it('answers only the bearer of the token, from anywhere, loopback included', async () => {
    const ask = (authorization?: string, remoteAddress = '10.0.0.9') => h.app.inject({ url: '/metrics', remoteAddress, ...(authorization ? { headers: { authorization } } : {}) });
    expect((await ask(`Bearer ${token}`)).statusCode).toBe(200);
    for (const bad of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, token, `Basic ${token}`, 'Bearer \u0000']) expect((await ask(bad)).statusCode).toBe(403);
    expect((await ask(undefined, '127.0.0.1')).statusCode).toBe(403);
  });
});
