import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../domain/schemas/feed.js';
import { areas, plans, tasks } from '../db/schema/index.js';
import { lastAuditId } from '../queries/feed.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeRegion, makeUnit, useDistrict } from '../testing/factories.js';
import { expectedFor, FEED_READERS, feedPeople, makeDistrict, playFeedScene, type FeedPeople, type Played, type Who } from '../testing/feedScene.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { openSse, type SseConnection } from '../testing/sseClient.js';
import { makePerson, makeTask, type District, type Person } from '../testing/workFactories.js';
import { eq, inArray } from 'drizzle-orm';

/**
 * The feed between districts (issue 25): district B plays every kind of feed event (claims, a
 * report accepted, a blocker up and back, a plan approved, a 批示 and its reply, a meeting's
 * decision, the midnight run); district A's people of every role, paging back or connected live,
 * get none of them and no id or name of B's, and a city's office above both districts gets B's
 * events as B's own office does.
 */
describe.each(DATABASE_KINDS)('the feed between districts on %s', (kind) => {
  let h: Harness;
  let port: number;
  let startId: number;
  let a: FeedPeople;
  let b: District;
  let cityHq: Person;
  let played: Played;
  /** A task in each district whose yellow light the midnight run turns back to green. */
  let aTask: string;
  let bTask: string;
  /** Ids and names of B's that A must never read. */
  let bIds: string[] = [];
  let bNames: string[] = [];
  const liveA = new Map<Who, SseConnection>();
  let liveCity: SseConnection;

  const page = async (session: Person['session'], query = '') => {
    const res = await send(h.app, { method: 'GET', url: `/api/feed?perPage=200${query}` }, session);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return (res.json() as { data: FeedEvent[] }).data.filter((e) => e.id > startId);
  };
  /** What of B's an answer names. */
  const leaks = (events: unknown) => {
    const text = JSON.stringify(events);
    return [...bIds.filter((id) => text.includes(id)), ...bNames.filter((n) => text.includes(n))];
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    const city = await makeRegion(db, { fresh: true, over: { kind: 'city', name: '封存测试市' } });
    const regionA = await makeRegion(db, { fresh: true, over: { kind: 'district', parentId: city.id, name: '甲区动态' } });
    const regionB = await makeRegion(db, { fresh: true, over: { kind: 'district', parentId: city.id, name: '乙区动态' } });
    useDistrict(db, regionA);
    const dA = await makeDistrict(h.app, db);
    a = await feedPeople(h.app, db, dA);
    aTask = (await makeTask(db, dA.plan.id, [{ unitId: dA.unitA.id }], { light: 'yellow' })).id;
    useDistrict(db, regionB);
    b = await makeDistrict(h.app, db);
    bTask = (await makeTask(db, b.plan.id, [{ unitId: b.unitA.id }], { light: 'yellow' })).id;
    cityHq = await makePerson(h.app, db, [{ role: 'hq_office' }], (await makeUnit(db, { regionId: city.id, name: '市推进办' })).id);

    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
    for (const who of FEED_READERS) liveA.set(who, await openSse(port, '/api/feed/stream', { cookie: a[who].session.cookie }));
    liveCity = await openSse(port, '/api/feed/stream', { cookie: cityHq.session.cookie });
    startId = await lastAuditId(db.db);
    played = await playFeedScene(h.app, db, b);

    const bPlans = await db.db.select({ id: plans.id }).from(plans).where(eq(plans.programId, b.program.id));
    const bTasks = await db.db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.planId, bPlans.map((p) => p.id)));
    const bAreas = await db.db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.programId, b.program.id));
    bIds = [regionB.id, b.unitA.id, b.unitB.id, b.tfBody.id, b.program.id, ...played.entityIds, ...bPlans.map((p) => p.id), ...bTasks.map((t) => t.id), ...bAreas.map((x) => x.id)];
    bNames = [regionB.name, b.unitA.name, b.unitB.name];
  }, 300_000);
  afterAll(async () => {
    for (const c of liveA.values()) c.close();
    liveCity?.close();
    await h?.close();
  });

  it('gives a city’s office its districts’ events, paged and live', async () => {
    const expected = expectedFor(played, 'hq');
    const ofB = (events: FeedEvent[]) => events.filter((e) => (e.entityId && played.entityIds.has(e.entityId)) || (e.kind === 'light' && e.id > startId)).map((e) => e.action);
    expect(ofB((await page(cityHq.session)).reverse())).toEqual(expected);
    await liveCity.waitFor((events) => ofB(events).length >= expected.length, 3000);
    expect(ofB(liveCity.events)).toEqual(expected);
    // The midnight run's lights: the city reads its districts' changes.
    const midnight = liveCity.events.find((e) => e.action === 'system.lights_refreshed');
    expect(midnight?.lights?.items.map((i) => i.itemId).sort()).toEqual([aTask, bTask].sort());
    expect(midnight?.lights?.recovered).toBe(2);
  });

  it('gives district A’s people of every role none of B’s events, nor B’s lights in the midnight run’s, paged, replayed or live', async () => {
    // Everything B did has reached the city's stream, so it has reached A's streams too, if ever.
    await liveCity.waitFor((events) => events.some((e) => e.action === 'system.lights_refreshed'), 3000);
    await new Promise((r) => setTimeout(r, 300));
    const found: Record<string, string[]> = {};
    for (const who of FEED_READERS) {
      const session = a[who].session;
      const paged = await page(session);
      const replay = await send(h.app, { method: 'GET', url: `/api/feed/stream?live=false&lastEventId=${startId}` }, session);
      expect(replay.statusCode).toBe(200);
      const all = { paged, replay: replay.body, live: liveA.get(who)!.events, byUnit: await page(session, `&unit=${b.unitA.id}`), byArea: await page(session, `&area=${played.areaId}`) };
      const said = leaks(all);
      if (said.length) found[who] = said;
      // What A's people do get of it: the midnight run happened (every region's record), with none of B's lights.
      expect(paged.map((e) => e.action), who).toEqual(['system.lights_refreshed']);
      expect(liveA.get(who)!.events.map((e) => e.action), who).toEqual(['system.lights_refreshed']);
      for (const e of [paged[0]!, liveA.get(who)!.events[0]!]) expect([e.lights?.recovered, e.lights?.items.map((i) => i.itemId)], who).toEqual([1, [aTask]]);
    }
    expect(found).toEqual({});
  });
});
