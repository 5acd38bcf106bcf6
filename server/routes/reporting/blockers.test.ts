import { sql } from 'drizzle-orm';
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

  const act = (who: Person, id: string, action: 'escalate' | 'resolve' | 'instruct', body: Record<string, unknown> | undefined, status = 200, code?: string) =>
    api.write(who, 'POST', `/api/blockers/${id}/${action}`, body, status, code);

  it('are raised inline with a report or directly by the unit that owns the item, and nobody else', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', blockers: [{ title: '拆迁未完成', detail: '3户未签约' }] })).json().data;
    expect(report.blockers[0]).toMatchObject({ title: '拆迁未完成', detail: '3户未签约', level: 'unit', status: 'open', reportId: report.id, unitId: d.unitA.id, itemTitle: task.title });
    const direct = await api.write(d.headA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '资金未到位' }, 200);
    expect(direct.json().data).toMatchObject({ reportId: null, level: 'unit', status: 'open', raisedById: d.headA.id });
    expect(direct.json().policies).toEqual({ escalate: false, resolve: false, instruct: false });
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
    expect(shown.json().policies).toEqual({ escalate: true, resolve: true, instruct: false });
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
    expect(list.policies).toEqual({ read: true, raise: false, escalate: true, resolve: true, instruct: true });
  });

  it('with the leading group are the leader’s to decide: resolve with the decision, or send back down with an instruction the unit reads (issue 17 item 8)', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const raise = async (title: string) => {
      const b = (await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title }, 200)).json().data;
      for (let i = 0; i < 3; i++) await act(d.hq, b.id, 'escalate', {});
      return b.id as string;
    };
    const leaderName = ((await h.db.database.db.execute(sql`select display_name from users where id = ${d.leader.id}`)) as unknown as { rows: { display_name: string }[] }).rows[0]!.display_name;
    const first = await raise('跨区管网穿越铁路');
    const second = await raise('用地指标不足');
    // Below the leading group the leader decides nothing.
    const low = (await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '小事' }, 200)).json().data;
    await act(d.leader, low.id, 'resolve', { resolution: '越级' }, 403, 'blocker_not_handler');
    await act(d.hq, low.id, 'instruct', { instruction: '越级' }, 409, 'blocker_not_at_leading_group');

    // The leader's list: open blockers with the leading group, oldest first, each with what the leader may do.
    const waiting = (await api.get(d.leader, '/api/blockers?status=open&level=leading_group&sort=oldest&perPage=100')).json();
    const mine = waiting.data.map((b: { id: string }) => b.id).filter((id: string) => [first, second].includes(id));
    expect(mine).toEqual([first, second]);
    expect((await api.get(d.leader, `/api/blockers/${first}`)).json().policies).toEqual({ escalate: false, resolve: true, instruct: true });

    // Resolve with a decision text.
    const decided = (await act(d.leader, first, 'resolve', { resolution: '由区政府协调铁路部门，12月底前完成穿越施工' })).json().data;
    expect(decided).toMatchObject({ status: 'resolved', resolution: '由区政府协调铁路部门，12月底前完成穿越施工', decidedByName: leaderName });

    // Send back down with an instruction: to the HQ office unless a lower level is named; never up or sideways.
    await act(d.leader, second, 'instruct', { instruction: '' }, 400, 'validation');
    await act(d.leader, second, 'instruct', { instruction: '调剂', level: 'leading_group' }, 422, 'blocker_level_not_lower');
    await act(d.liaisonA, second, 'instruct', { instruction: '越权' }, 403, 'forbidden');
    await act(d.taskForce, second, 'instruct', { instruction: '越权' }, 403, 'forbidden');
    const sent = (await act(d.leader, second, 'instruct', { instruction: '由区自然资源局在全区统筹调剂用地指标', level: 'unit', version: 3 })).json().data;
    expect(sent).toMatchObject({ status: 'open', level: 'unit', instruction: '由区自然资源局在全区统筹调剂用地指标', decidedByName: leaderName });
    expect(sent.instructedAt).not.toBeNull();
    await act(d.leader, second, 'instruct', { instruction: '重复' }, 409, 'blocker_not_at_leading_group');

    // The unit sees both decisions on its blockers.
    const unitSees = (await api.get(d.liaisonA, `/api/blockers?item=${task.id}&perPage=100`)).json().data;
    expect(unitSees.find((b: { id: string }) => b.id === first)).toMatchObject({ resolution: '由区政府协调铁路部门，12月底前完成穿越施工' });
    expect(unitSees.find((b: { id: string }) => b.id === second)).toMatchObject({ instruction: '由区自然资源局在全区统筹调剂用地指标', level: 'unit' });
    // Every decision is on the audit chain.
    const audit = (await h.db.database.db.execute(
      sql`select action from audit_log where entity_id in (${first}, ${second}) and action in ('blocker.resolved', 'blocker.instructed') order by id`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(['blocker.resolved', 'blocker.instructed']);
  });
});
