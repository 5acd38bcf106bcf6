import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, shanghaiDate } from '../../domain/calendar/days.js';
import type { FeedEvent } from '../../domain/schemas/feed.js';
import { recordAudit } from '../audit.js';
import { now as clockNow } from '../clock.js';
import { lightChanges, tasks } from '../db/schema/index.js';
import { runMidnightJob } from '../jobs/midnightJob.js';
import { lastAuditId, listFeed } from '../queries/feed.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reportingApi, thisMonth } from '../testing/reportingCalls.js';
import { openSse, type SseConnection } from '../testing/sseClient.js';
import { makeDistrict, makeTask, type District, type Person } from '../testing/workFactories.js';

type Page = { data: FeedEvent[]; next: number | null };

describe.each(DATABASE_KINDS)('light changes in the work feed on %s', (kind) => {
  let h: Harness;
  let d: District;
  let port: number;
  let all: SseConnection;
  let lightsOnly: SseConnection;

  const page = async (who: Person, query = ''): Promise<Page> => {
    const res = await send(h.app, { method: 'GET', url: `/api/feed?perPage=200${query}` }, who.session);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Page;
  };
  /** Unit A reports on the task, up the whole chain to the HQ office's acceptance; the accepted report's id. */
  const acceptReport = async (taskId: string, percent: string): Promise<string> => {
    const api = reportingApi(h.app, h.db.database);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: taskId, period: thisMonth(), percent })).json().data as { id: string };
    await api.step(d.liaisonA, report.id, 'submit');
    await api.step(d.headA, report.id, 'approve');
    await api.step(d.taskForce, report.id, 'review');
    await api.step(d.hq, report.id, 'accept');
    return report.id;
  };
  const lightOf = async (id: string) => (await h.db.database.db.select({ light: tasks.light }).from(tasks).where(eq(tasks.id, id)))[0]!.light;

  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
    all = await openSse(port, '/api/feed/stream', { cookie: d.hq.session.cookie });
    lightsOnly = await openSse(port, '/api/feed/stream?kind=light', { cookie: d.liaisonB.session.cookie });
  });
  afterAll(async () => {
    all?.close();
    lightsOnly?.close();
    await h?.close();
  });

  it('shows on an accepted report the light it turned green, and nothing on one that changed none', async () => {
    // Far behind its schedule (0 % since 2020) and red; the accepted 90 % puts it ahead.
    const behind = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: '2020-01-01', deadline: '2035-12-31', light: 'red' });
    const steady = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { light: 'green' });
    const recovered = await acceptReport(behind.id, '90');
    const unchanged = await acceptReport(steady.id, '50');
    expect([await lightOf(behind.id), await lightOf(steady.id)]).toEqual(['green', 'green']);

    const events = (await page(d.hq)).data;
    const accepted = events.find((e) => e.entityId === recovered)!;
    expect(accepted.lights).toEqual({
      red: 0,
      yellow: 0,
      recovered: 1,
      done: 0,
      other: 0,
      items: [{ itemType: 'task', itemId: behind.id, code: behind.code, title: behind.title, from: 'red', to: 'green', move: 'recovered' }],
    });
    expect(events.find((e) => e.entityId === unchanged)!.lights).toBeNull();

    // 灯色变化 takes the step that changed a light, not the one that did not; the stream says the same.
    const lightEvents = (await page(d.hq, '&kind=light')).data.map((e) => e.entityId);
    expect(lightEvents).toContain(recovered);
    expect(lightEvents).not.toContain(unchanged);
    await all.waitFor((es) => es.some((e) => e.entityId === unchanged), 2000);
    expect(all.events.find((e) => e.entityId === recovered)!.lights).toEqual(accepted.lights);
  });

  it('puts a midnight run’s changes, however many, on its one 灯色变化 event, worst first', async () => {
    const today = shanghaiDate(clockNow());
    // Due today and never started: overdue once the day has passed.
    const late: Awaited<ReturnType<typeof makeTask>>[] = [];
    for (let i = 0; i < 7; i++) late.push(await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: '2020-01-01', deadline: today, light: 'green' }));
    const back = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }], { light: 'yellow' });
    const before = await lastAuditId(h.db.database.db);
    await runMidnightJob(h.db.database, new Date(`${fromDayNumber(dayNumber(today) + 7)}T01:00:00+08:00`));
    expect((await h.db.database.db.select({ light: tasks.light }).from(tasks).where(inArray(tasks.id, late.map((t) => t.id)))).map((t) => t.light)).toEqual(late.map(() => 'red'));

    // One event, not one per item: everyone in the program reads it.
    const since = (await page(d.liaisonB)).data.filter((e) => e.id > before);
    expect(since.map((e) => [e.action, e.kind])).toEqual([['system.lights_refreshed', 'light']]);
    const lights = since[0]!.lights!;
    expect(lights).toMatchObject({ red: 7, yellow: 0, recovered: 1, done: 0 });
    expect(lights.items).toHaveLength(5);
    expect(lights.items.every((i) => i.move === 'red' && i.from === 'green' && i.to === 'red' && late.some((t) => t.id === i.itemId && t.code === i.code))).toBe(true);
    expect(since[0]!.sentence).toBe('系统重新计算了全部状态灯');

    // Live, to a stream that asked for 灯色变化 only; unit B's liaison had not got unit A's accepted
    // report, whatever light it changed: a report is read as reports are.
    await lightsOnly.waitFor((es) => es.some((e) => e.kind === 'light'), 2000);
    expect(lightsOnly.events.map((e) => [e.id, e.lights?.red])).toEqual([[since[0]!.id, 7]]);
    // It names no area or unit: those filters leave it out.
    expect((await page(d.hq, `&unit=${d.unitA.id}`)).data.some((e) => e.id > before)).toBe(false);
    // A reconnecting client gets it in its replay.
    const replay = await send(h.app, { method: 'GET', url: `/api/feed/stream?live=false&kind=light&lastEventId=${before}` }, d.hq.session);
    expect([...replay.body.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([since[0]!.id]);
    expect(await lightOf(back.id)).toBe('green');
  });

  it('shows a transaction’s changes once: on its 灯色变化 record, else on its first feed record', async () => {
    const db = h.db.database.db;
    const [one, two] = [await makeTask(h.db.database, d.plan.id, [], { light: 'green' }), await makeTask(h.db.database, d.plan.id, [], { light: 'green' })];
    const ctx = { actor: null, ip: null, requestId: 'feed-lights-test' };
    const before = await lastAuditId(db);
    const txid = await db.transaction(async (tx) => {
      await recordAudit(tx, ctx, 'blocker.escalated', { entity: 'blocker', entityId: crypto.randomUUID() });
      await tx.update(tasks).set({ light: 'red', lightAt: clockNow() }).where(eq(tasks.id, one.id));
      await recordAudit(tx, ctx, 'system.lights_refreshed', { entity: 'system' });
      return (await tx.select({ tx: lightChanges.tx }).from(lightChanges).where(eq(lightChanges.itemId, one.id)))[0]!.tx;
    });
    // A change a month old with the same transaction id (ids start again in a cluster restored from a dump) is another transaction's.
    await db.insert(lightChanges).values({ itemType: 'task', itemId: two.id, fromLight: 'green', toLight: 'red', at: new Date(clockNow().getTime() - 30 * 86_400_000), tx: txid });
    await db.transaction(async (tx) => {
      await recordAudit(tx, ctx, 'task.updated', { entity: 'task', entityId: two.id });
      await recordAudit(tx, ctx, 'blocker.raised', { entity: 'blocker', entityId: crypto.randomUUID() });
      await tx.update(tasks).set({ light: 'yellow', lightAt: clockNow() }).where(eq(tasks.id, two.id));
      await recordAudit(tx, ctx, 'blocker.escalated', { entity: 'blocker', entityId: crypto.randomUUID() });
    });
    await h.db.database.linkAudit();
    const rows = await listFeed(db, 'all', {}, { after: before, limit: 10, order: 'oldest' });
    // task.updated is no feed event: the first feed record of the second transaction shows its change.
    expect(rows.map((r) => [r.action, r.lights?.red ?? null, r.lights?.yellow ?? null])).toEqual([
      ['blocker.escalated', null, null],
      ['system.lights_refreshed', 1, 0],
      ['blocker.raised', 0, 1],
      ['blocker.escalated', null, null],
    ]);
    const filtered = await listFeed(db, 'all', { kind: 'light' }, { after: before, limit: 10, order: 'oldest' });
    expect(filtered.map((r) => r.action)).toEqual(['system.lights_refreshed', 'blocker.raised']);
  });
});
