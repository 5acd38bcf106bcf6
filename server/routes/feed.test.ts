import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../domain/schemas/feed.js';
import { lastAuditId } from '../queries/feed.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { expectedFor, FEED_READERS, feedPeople, makeDistrict, playFeedScene, type FeedPeople, type Played, type Who } from '../testing/feedScene.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { openSse, type SseConnection } from '../testing/sseClient.js';
import type { District } from '../testing/workFactories.js';

describe.each(DATABASE_KINDS)('the work feed on %s', (kind) => {
  let h: Harness;
  let d: District;
  let people: FeedPeople;
  let port: number;
  let startId: number;
  let played: Played;
  const live = new Map<Who, SseConnection>();
  let filtered: SseConnection;

  // The scene's events: about its entities, or its midnight run's (which names none).
  const ours = (events: FeedEvent[]) => events.filter((e) => (e.entityId && played.entityIds.has(e.entityId)) || (e.kind === 'light' && e.id > startId));
  const page = async (who: Who, query = '') => {
    const res = await send(h.app, { method: 'GET', url: `/api/feed?perPage=200${query}` }, people[who].session);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as { data: FeedEvent[]; next: number | null; policies: Record<string, boolean> };
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    people = await feedPeople(h.app, h.db.database, d);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
    // Everyone is connected before anything happens: what each receives live is checked below.
    for (const who of FEED_READERS) live.set(who, await openSse(port, '/api/feed/stream', { cookie: people[who].session.cookie }));
    filtered = await openSse(port, `/api/feed/stream?kind=blocker&unit=${d.unitA.id}`, { cookie: people.hq.session.cookie });
    startId = await lastAuditId(h.db.database.db);
    played = await playFeedScene(h.app, h.db.database, d);
  });
  afterAll(async () => {
    for (const c of live.values()) c.close();
    filtered?.close();
    await h?.close();
  });

  it('lists, newest first, every event of the scene a role may read and none it may not, for every role', async () => {
    const actual: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const who of FEED_READERS) {
      actual[who] = ours((await page(who)).data).map((e) => e.action).reverse();
      expected[who] = expectedFor(played, who);
    }
    expect(actual).toEqual(expected);
    const hq = ours((await page('hq')).data);
    const accepted = hq.find((e) => e.action === 'report.accepted')!;
    expect(accepted).toMatchObject({ kind: 'report', itemType: 'task', itemId: played.taskId, unitId: d.unitA.id, areaId: played.areaId, areaName: '产业振兴' });
    expect(accepted.sentence).toMatch(/验收了进展报送「T\S+ 任务\S+」$/);
    expect(hq.find((e) => e.action === 'task.claimed')).toMatchObject({ kind: 'claim', unitId: d.unitA.id, itemId: played.taskId });
  });

  it('pushes the same events to each connected role as they happen, and nothing it may not read', async () => {
    const expected: Record<string, string[]> = {};
    for (const who of FEED_READERS) {
      expected[who] = expectedFor(played, who);
      await live.get(who)!.waitFor((events) => ours(events).length >= expected[who]!.length, 3000);
    }
    // A moment more for anything that should not have come.
    await new Promise((r) => setTimeout(r, 200));
    const actual = Object.fromEntries(FEED_READERS.map((who) => [who, ours(live.get(who)!.events).map((e) => e.action)]));
    expect(actual).toEqual(expected);
    for (const e of live.get('hq')!.events) expect(e.eventId).toBe(String(e.id));
    // A stream asked for one kind and one unit gets only those.
    expect(ours(filtered.events).map((e) => e.action)).toEqual(['blocker.raised', 'blocker.escalated', 'blocker.escalated', 'blocker.escalated']);
  });

  it('refuses the admin duties, and an id or filter that is not one, naming the field', async () => {
    for (const who of ['sysadmin', 'auditor'] as const) {
      expect((await send(h.app, { method: 'GET', url: '/api/feed' }, people[who].session)).statusCode).toBe(403);
      expect((await send(h.app, { method: 'GET', url: '/api/feed/stream?live=false' }, people[who].session)).statusCode).toBe(403);
    }
    const bad = async (url: string, field: string, headers?: Record<string, string>) => {
      const res = await send(h.app, { method: 'GET', url, ...(headers ? { headers } : {}) }, people.hq.session);
      expect(res.statusCode, url).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), url).toContain(field);
    };
    await bad('/api/feed?kind=login', 'kind');
    await bad('/api/feed?area=x', 'area');
    // In the user's language: the field as the page labels it.
    const zh = await send(h.app, { method: 'GET', url: '/api/feed?area=x', headers: { 'accept-language': 'zh-CN' } }, people.hq.session);
    expect(zh.json().error.message).toContain('重点领域');
    const header = await send(h.app, { method: 'GET', url: '/api/feed/stream?live=false', headers: { 'last-event-id': '-1', 'accept-language': 'zh-CN' } }, people.hq.session);
    expect(header.json().error.message).toContain('上次事件编号');
    await bad('/api/feed?before=-1', 'before');
    await bad('/api/feed/stream?lastEventId=abc', 'lastEventId');
    await bad('/api/feed/stream?live=false', 'Last-Event-ID', { 'last-event-id': 'abc' });
  });

  it('filters by kind, area and unit, and pages back by id', async () => {
    const kinds = (events: FeedEvent[]) => [...new Set(ours(events).map((e) => e.kind))].sort();
    expect(kinds((await page('hq', '&kind=blocker')).data)).toEqual(['blocker']);
    expect(kinds((await page('hq', '&kind=instruction')).data)).toEqual(['instruction']);
    // 灯色变化: the midnight run, and any step of the scene whose transaction changed a light, with its changes.
    const lights = ours((await page('hq', '&kind=light')).data);
    expect(lights.filter((e) => e.kind === 'light').map((e) => e.action)).toEqual(['system.lights_refreshed']);
    for (const e of lights.filter((x) => x.kind !== 'light')) expect(e.lights, e.action).not.toBeNull();
    // The midnight run names no area nor unit, so those filters leave it out.
    expect(kinds((await page('hq', `&area=${played.areaId}`)).data)).toEqual(['blocker', 'claim', 'instruction', 'report']);
    expect(ours((await page('hq', `&unit=${d.unitB.id}`)).data)).toEqual([]);
    // Unit A's: its claim, report, blocker steps and its reply to the 批示 (the 批示 itself names no one unit).
    expect(ours((await page('hq', `&unit=${d.unitA.id}`)).data).length).toBe(9);
    const first = await send(h.app, { method: 'GET', url: '/api/feed?perPage=3' }, people.hq.session);
    const { data, next } = first.json() as { data: FeedEvent[]; next: number };
    expect(data.map((e) => e.id)).toEqual([...data.map((e) => e.id)].sort((a, b) => b - a));
    expect(next).toBe(data[2]!.id);
    const second = (await send(h.app, { method: 'GET', url: `/api/feed?perPage=3&before=${next}` }, people.hq.session)).json() as { data: FeedEvent[] };
    expect(second.data[0]!.id).toBeLessThan(next);
  });

  it('sends a reconnecting client what it missed (Last-Event-ID), within its reader’s scope, then what is new', async () => {
    const replay = await openSse(port, '/api/feed/stream', { cookie: people.liaisonB.session.cookie, 'last-event-id': String(startId) });
    await replay.waitFor((events) => ours(events).length >= expectedFor(played, 'liaisonB').length);
    expect(ours(replay.events).map((e) => e.action)).toEqual(expectedFor(played, 'liaisonB'));
    // The query parameter stands in for the header; a catch-up-only client gets its replay and the end.
    const res = await send(h.app, { method: 'GET', url: `/api/feed/stream?live=false&kind=blocker&lastEventId=${startId}` }, people.taskForce.session);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const ids = [...res.body.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBe(4);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // Live again: a new blocker of unit A reaches the HQ office within 2 s, not unit B's reconnected liaison.
    const before = replay.events.length;
    const raised = (events: FeedEvent[]) => events.filter((e) => e.action === 'blocker.raised').length;
    const hqLive = live.get('hq')!;
    const count = raised(hqLive.events);
    await send(h.app, { method: 'POST', url: '/api/blockers', payload: { itemType: 'task', itemId: played.taskId, title: '施工许可待批' } }, people.liaisonA.session);
    await hqLive.waitFor((events) => raised(events) === count + 1, 2000);
    expect(replay.events.length).toBe(before);
    replay.close();
  });
});
