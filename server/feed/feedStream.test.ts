import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import type { Actor } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import type { FeedRow } from '../models/feed.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { ROOMY_AUTH_LIMITS, startHarness, type Harness } from '../testing/harness.js';
import { openSse } from '../testing/sseClient.js';
import { makeDistrict, makeTask, type District } from '../testing/workFactories.js';
import { FeedStream } from './feedStream.js';

const hq: Actor = { userId: 'u', account: 'hq', unitId: 'x', regionIds: [], roles: [{ role: 'hq_office', unitId: null, bodyId: null }] };
const row = (id: number): FeedRow => ({
  id, at: new Date(), action: 'plan.approved', kind: 'plan', entity: 'plan', entityId: 'p', actorName: '张三', actorAccount: 'zs',
  itemType: 'plan', itemId: 'p', itemTitle: '方案'.repeat(50), itemCode: 'P1', unitId: null, unitName: null, areaId: null, areaName: null, reportStatus: null, taskForceId: null, resolverUnitId: null, recipientUnitIds: null, regionIds: null, lightParts: null, lights: null,
});

describe('a feed stream', () => {
  it('drops a client that reads nothing once its unread output passes the bound, instead of buffering it', () => {
    // A socket whose peer never reads: nothing written ever leaves the buffer.
    const stalled = new Writable({ highWaterMark: 1024, write: () => {} });
    let ended = 0;
    const s = new FeedStream(stalled, hq, 'zh-CN', {}, 64 * 1024, () => ended++);
    s.goLive([]);
    for (let id = 1; id <= 1000 && !s.closed; id++) s.deliver([row(id)]);
    expect(s.closed).toBe(true);
    expect(ended).toBe(1);
    expect(stalled.destroyed).toBe(true);
    expect(stalled.writableLength).toBeLessThan(64 * 1024 + 2048);
  });

  it('holds what arrives while its replay is read, then sends each event once, in order', () => {
    const out: string[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, done) => (out.push(String(c)), done()) });
    const s = new FeedStream(sink, hq, 'zh-CN', {}, 1 << 20, () => {});
    s.deliver([row(5), row(6)]);
    expect(out).toEqual([]);
    s.goLive([row(3), row(4)]);
    s.deliver([row(6), row(7)]);
    expect(out.map((c) => /^id: (\d+)/.exec(c)?.[1])).toEqual(['3', '4', '5', '6', '7']);
  });
});

describe.each(DATABASE_KINDS)('the feed stream’s life on %s', (kind) => {
  let h: Harness;
  let d: District;
  let port: number;
  beforeAll(async () => {
    h = await startHarness(kind, { feedLimits: { heartbeatMs: 150 } });
    d = await makeDistrict(h.app, h.db.database);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => h?.close());

  it('beats every heartbeat, and ends when its session ends', async () => {
    const c = await openSse(port, '/api/feed/stream', { cookie: d.liaisonB.session.cookie });
    expect(c.status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(c.comments).toBeGreaterThan(0);
    expect((await send(h.app, { method: 'POST', url: '/api/auth/logout' }, d.liaisonB.session)).statusCode).toBe(200);
    await Promise.race([c.ended, new Promise((_, fail) => setTimeout(() => fail(new Error('the stream outlived its session')), 3000))]);
  });

  it('ends its streams when the app closes, rather than keeping it open', async () => {
    const other = await startHarness(kind);
    try {
      const who = await makeDistrict(other.app, other.db.database);
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const c = await openSse((other.app.server.address() as AddressInfo).port, '/api/feed/stream', { cookie: who.hq.session.cookie });
      const t0 = Date.now();
      await other.app.close();
      await c.ended;
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      await other.db.drop();
    }
  });
});

describe('two app instances on one PostgreSQL database', () => {
  let h: Harness;
  let second: { database: Database; app: App };
  let d: District;
  beforeAll(async () => {
    h = await startHarness('postgres');
    const database = await openDatabase({ databaseUrl: h.db.url!, poolSize: 5, migrate: false });
    const app = await buildApp({ database, logLevel: 'silent', authLimits: ROOMY_AUTH_LIMITS });
    await app.listen({ port: 0, host: '127.0.0.1' });
    second = { database, app };
    d = await makeDistrict(h.app, h.db.database);
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database.close();
    await h?.close();
  });

  it('fans a step taken on one out to the clients of the other through LISTEN/NOTIFY, within 2 s', async () => {
    const port = (second.app.server.address() as AddressInfo).port;
    const [hqOnB, liaisonBOnB] = [await openSse(port, '/api/feed/stream', { cookie: d.hq.session.cookie }), await openSse(port, '/api/feed/stream', { cookie: d.liaisonB.session.cookie })];
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const res = await send(h.app, { method: 'POST', url: '/api/blockers', payload: { itemType: 'task', itemId: task.id, title: `堵点${i}` } }, d.liaisonA.session);
      expect(res.statusCode).toBe(200);
      await hqOnB.waitFor((events) => events.filter((e) => e.action === 'blocker.raised').length === i + 1, 2000);
      latencies.push(Date.now() - t0);
    }
    expect(Math.max(...latencies)).toBeLessThan(2000);
    // Unit B's liaison, on the same instance, may not read unit A's blockers.
    await new Promise((r) => setTimeout(r, 200));
    expect(liaisonBOnB.events).toEqual([]);
    hqOnB.close();
    liaisonBOnB.close();
  });

  it('listens again after its LISTEN connection is cut, and sends what was linked meanwhile', async () => {
    const port = (second.app.server.address() as AddressInfo).port;
    const hqOnB = await openSse(port, '/api/feed/stream', { cookie: d.hq.session.cookie });
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const cut = await h.db.database.db.execute(
      sql`select pg_terminate_backend(pid) as cut from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
    );
    expect((cut as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    // Raised while B does not listen: its notification is lost, the record is not.
    await send(h.app, { method: 'POST', url: '/api/blockers', payload: { itemType: 'task', itemId: task.id, title: '断线期间的堵点' } }, d.liaisonA.session);
    await hqOnB.waitFor((events) => events.some((e) => e.action === 'blocker.raised' && e.itemId === task.id), 4000);
    hqOnB.close();
  });
});
