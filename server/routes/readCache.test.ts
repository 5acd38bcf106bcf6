// Issue 19: the unit workbench, the task lists and the dashboard keep their replies until the next
// write. A write must be visible on the very next read of each, whoever made it; an open/done filter
// gives a liaison "my open tasks".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reportingApi } from '../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District } from '../testing/workFactories.js';
import { versionReader } from '../queries/versionedCache.js';

describe.each(DATABASE_KINDS)('replies kept until the next write on %s (issue 19)', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  it('shares one version lookup among the reads that ask together, never one already sent', async () => {
    const read = versionReader();
    const db = h.db.database.db;
    const a = read(db);
    const b = read(db);
    expect(b).toBe(a);
    const v1 = await a;
    // Sent: the next read gets a lookup of its own, which sees the write finished meanwhile.
    const task = await makeTask(h.db.database, d.loosePlan.id, [{ unitId: d.unitB.id }]);
    const c = read(db);
    expect(c).not.toBe(a);
    expect(await c).toBe(v1);
    await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '审批' }, 200);
    expect(await read(db)).not.toBe(v1);
  });

  it('shows a task the office assigns on the very next read of the unit’s workbench and task list, and drops a done one from its open tasks', async () => {
    const workbench = async () => (await api.get(d.liaisonA, '/api/workbench/unit')).json().data as { toClaim: { itemId: string }[]; counts: { toClaim: number } };
    const list = async (q = '') => (await api.get(d.liaisonA, `/api/tasks?unit=${d.unitA.id}&perPage=100${q}`)).json() as { data: { id: string }[]; page: { total: number } };
    // Read twice: the second read is served from what the first kept.
    const before = await workbench();
    expect(await workbench()).toEqual(before);
    const listed = await list();
    expect(await list()).toEqual(listed);

    const created = await api.write(d.hq, 'POST', '/api/tasks', { planId: d.loosePlan.id, code: 'RC-1', title: '新交办任务', leadUnitId: d.unitA.id, deadline: '2099-12-31' }, 200);
    const { id: taskId, version } = (created.json() as { data: { id: string; version: number } }).data;
    const after = await workbench();
    expect(after.counts.toClaim).toBe(before.counts.toClaim + 1);
    expect(after.toClaim.map((c) => c.itemId)).toContain(taskId);
    const relisted = await list();
    expect(relisted.page.total).toBe(listed.page.total + 1);
    expect(relisted.data.map((t) => t.id)).toContain(taskId);

    // Open and done: a task marked done by the office leaves the open list at once and joins the done one.
    const done = await makeTask(h.db.database, d.loosePlan.id, [{ unitId: d.unitA.id }], { done: true, code: 'RC-DONE' });
    await api.write(d.hq, 'PATCH', `/api/tasks/${taskId}`, { version, title: '新交办任务（已调整）' }, 200);
    const open = await list('&status=open');
    const closed = await list('&status=done');
    expect(open.data.map((t) => t.id)).toContain(taskId);
    expect(open.data.map((t) => t.id)).not.toContain(done.id);
    expect(closed.data.map((t) => t.id)).toEqual([done.id]);
    expect((await api.get(d.liaisonA, '/api/tasks?status=finished')).statusCode).toBe(400);
  });
  it('answers a browser that holds the same reply 304 with no body, and a changed one 200 with a new tag', async () => {
    for (const [who, url] of [
      [d.liaisonA, '/api/workbench/unit'],
      [d.liaisonA, `/api/tasks?unit=${d.unitA.id}`],
      [d.hq, '/api/dashboard'],
    ] as const) {
      const first = await api.get(who, url);
      expect(first.statusCode, url).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w-]{24}"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await api.call(who, 'GET', url, undefined, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect((await api.call(who, 'GET', url, undefined, { 'if-none-match': `"other", W/${etag}` })).statusCode, url).toBe(304);
      expect((await api.call(who, 'GET', url, undefined, { 'if-none-match': '"some-other-reply"' })).statusCode, url).toBe(200);
    }
    // A task for unit A changes its workbench, its list and the office's dashboard: each old tag is refused.
    const tags = await Promise.all([api.get(d.liaisonA, '/api/workbench/unit'), api.get(d.liaisonA, `/api/tasks?unit=${d.unitA.id}`), api.get(d.hq, '/api/dashboard')]);
    await api.write(d.hq, 'POST', '/api/tasks', { planId: d.loosePlan.id, code: 'RC-ETAG', title: '再交办任务', leadUnitId: d.unitA.id, deadline: '2099-12-31' }, 200);
    const urls = [[d.liaisonA, '/api/workbench/unit'], [d.liaisonA, `/api/tasks?unit=${d.unitA.id}`], [d.hq, '/api/dashboard']] as const;
    for (const [i, [who, url]] of urls.entries()) {
      const res = await api.call(who, 'GET', url, undefined, { 'if-none-match': tags[i]!.headers.etag as string });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers.etag, url).not.toBe(tags[i]!.headers.etag);
      expect(res.json().data, url).toBeTruthy();
    }
    expect((await api.get(d.liaisonA, `/api/tasks?unit=${d.unitA.id}&perPage=100`)).json().data.map((t: { code: string }) => t.code)).toContain('RC-ETAG');
  });
});
