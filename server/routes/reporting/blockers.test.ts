import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { reportingApi, thisMonth } from '../../testing/reportingCalls.js';
import { makeDistrict, makeProject, makeTask, type District, type Person } from '../../testing/workFactories.js';

describe.each(DATABASE_KINDS)('blockers on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const act = (who: Person, id: string, action: 'escalate' | 'resolve', body: Record<string, unknown> | undefined, status = 200, code?: string) =>
    api.write(who, 'POST', `/api/blockers/${id}/${action}`, body, status, code);

  it('are raised inline with a report or directly by the unit that owns the item, and nobody else', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', blockers: [{ title: '拆迁未完成', detail: '3户未签约' }] })).json().data;
    expect(report.blockers[0]).toMatchObject({ title: '拆迁未完成', detail: '3户未签约', level: 'unit', status: 'open', reportId: report.id, unitId: d.unitA.id, itemTitle: task.title });
    const direct = await api.write(d.headA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '资金未到位' }, 200);
    expect(direct.json().data).toMatchObject({ reportId: null, level: 'unit', status: 'open', raisedById: d.headA.id });
    expect(direct.json().policies).toEqual({ escalate: false, resolve: false });
    await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '越权' }, 403, 'report_not_owner');
    await api.write(d.taskForce, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '越权' }, 403, 'forbidden');
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '' }, 400, 'validation');
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'project', itemId: task.id, title: '不存在' }, 404, 'not_found');
  });

  it('climb unit → task force → HQ → leading group, handled by the plan’s task force and then the HQ office', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const b = (await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '审批慢' }, 200)).json().data;
    await act(d.liaisonA, b.id, 'escalate', {}, 403, 'forbidden');
    await act(d.otherTaskForce, b.id, 'escalate', {}, 404, 'not_found');
    const shown = await api.get(d.taskForce, `/api/blockers/${b.id}`);
    expect(shown.json().policies).toEqual({ escalate: true, resolve: true });
    expect((await act(d.taskForce, b.id, 'escalate', { version: 0 })).json().data.level).toBe('task_force');
    await act(d.taskForce, b.id, 'escalate', { version: 0 }, 409, 'version_conflict');
    expect((await act(d.taskForce, b.id, 'escalate', {})).json().data.level).toBe('hq');
    await act(d.taskForce, b.id, 'escalate', {}, 403, 'blocker_not_handler');
    await act(d.taskForce, b.id, 'resolve', { resolution: '已协调' }, 403, 'blocker_not_handler');
    expect((await act(d.hq, b.id, 'escalate', {})).json().data.level).toBe('leading_group');
    await act(d.hq, b.id, 'escalate', {}, 409, 'blocker_top');
    await act(d.hq, b.id, 'resolve', {}, 400, 'validation');
    const resolved = await act(d.hq, b.id, 'resolve', { resolution: '领导小组会议议定，由区自然资源局牵头解决' });
    expect(resolved.json().data).toMatchObject({ status: 'resolved', resolution: '领导小组会议议定，由区自然资源局牵头解决', level: 'leading_group' });
    expect(resolved.json().data.resolvedAt).not.toBeNull();
    await act(d.hq, b.id, 'resolve', { resolution: '再次' }, 409, 'blocker_resolved');
    await act(d.hq, b.id, 'escalate', {}, 409, 'blocker_resolved');
  });

  it('are listed within scope, with filters by status, level and unit', async () => {
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitB.id);
    const b = (await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'project', itemId: project.id, title: '环评未批' }, 200)).json().data;
    const ids = async (who: Person, q = '') => ((await api.get(who, `/api/blockers?unit=${d.unitB.id}${q}`)).json().data as { id: string }[]).map((x) => x.id);
    expect(await ids(d.liaisonB)).toEqual([b.id]);
    expect(await ids(d.liaisonB, '&status=open&level=unit')).toEqual([b.id]);
    expect(await ids(d.liaisonB, '&status=resolved')).toEqual([]);
    expect(await ids(d.leader)).toContain(b.id);
    expect(await ids(d.liaisonA)).toEqual([]);
    // The project's plan has no task force: task forces do not see it; the HQ office handles it alone.
    expect(await ids(d.taskForce)).toEqual([]);
    await act(d.taskForce, b.id, 'escalate', {}, 404);
    expect((await act(d.hq, b.id, 'escalate', undefined)).json().data.level).toBe('task_force');
    expect((await api.get(d.publicist, '/api/blockers')).statusCode).toBe(403);
    const list = (await api.get(d.hq, '/api/blockers?status=open&level=task_force')).json();
    expect(list.data.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(list.policies).toEqual({ read: true, raise: false, escalate: true, resolve: true });
  });
});
