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

  const act = (who: Person, id: string, action: 'escalate' | 'assign' | 'decide' | 'return' | 'resolve' | 'verify' | 'reopen', body: Record<string, unknown> | undefined, status = 200, code?: string) =>
    api.write(who, 'POST', `/api/blockers/${id}/${action}`, body, status, code);

  it('are raised inline with a report or directly by the unit that owns the item, and nobody else', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', blockers: [{ title: '拆迁未完成', detail: '3户未签约' }] })).json().data;
    expect(report.blockers[0]).toMatchObject({ title: '拆迁未完成', detail: '3户未签约', level: 'unit', status: 'open', reportId: report.id, unitId: d.unitA.id, itemTitle: task.title });
    const direct = await api.write(d.headA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '资金未到位' }, 200);
    expect(direct.json().data).toMatchObject({ reportId: null, level: 'unit', status: 'open', raisedById: d.headA.id });
    // The raising unit may take it up to the task force itself; nothing else is its to do while it is open.
    expect(direct.json().policies).toEqual({ escalate: true, assign: false, decide: false, return: false, resolve: false, verify: false, reopen: false });
    await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '越权' }, 403, 'report_not_owner');
    await api.write(d.taskForce, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '越权' }, 403, 'forbidden');
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '' }, 400, 'validation');
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'project', itemId: task.id, title: '不存在' }, 404, 'not_found');
  });

  it('climb unit → task force → HQ → leading group, handled by the plan’s task force and then the HQ office', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const b = (await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '审批慢' }, 200)).json().data;
    await act(d.liaisonB, b.id, 'escalate', {}, 404, 'not_found');
    await act(d.otherTaskForce, b.id, 'escalate', {}, 404, 'not_found');
    const shown = await api.get(d.taskForce, `/api/blockers/${b.id}`);
    expect(shown.json().policies).toEqual({ escalate: true, assign: true, decide: true, return: false, resolve: false, verify: false, reopen: false });
    expect((await act(d.taskForce, b.id, 'escalate', { version: 0 })).json().data.level).toBe('task_force');
    await act(d.taskForce, b.id, 'escalate', { version: 0 }, 409, 'version_conflict');
    // Above unit level the raising unit no longer takes it up: the refusal names who holds it.
    const refused = await act(d.liaisonA, b.id, 'escalate', {}, 403, 'blocker_not_handler');
    expect(refused.json().error.message).toContain('专项推进组');
    expect((await act(d.taskForce, b.id, 'escalate', {})).json().data.level).toBe('hq');
    const notTf = await act(d.taskForce, b.id, 'escalate', {}, 403, 'blocker_not_handler');
    expect(notTf.json().error.message).toBe('该堵点现在在指挥部，须由指挥部办公室办理');
    await act(d.taskForce, b.id, 'decide', { decision: '已协调' }, 403, 'blocker_not_handler');
    expect((await act(d.hq, b.id, 'escalate', {})).json().data.level).toBe('leading_group');
    await act(d.hq, b.id, 'escalate', {}, 409, 'blocker_top');
    await act(d.hq, b.id, 'decide', {}, 400, 'validation');
    const decided = await act(d.hq, b.id, 'decide', { decision: '领导小组会议议定，由区自然资源局牵头解决' });
    expect(decided.json().data).toMatchObject({ status: 'resolved', resolution: '领导小组会议议定，由区自然资源局牵头解决', level: 'leading_group' });
    expect(decided.json().data.resolvedAt).not.toBeNull();
    const again = await act(d.hq, b.id, 'decide', { decision: '再次' }, 409, 'blocker_step_invalid');
    expect(again.json().error.message).toBe('该堵点已办理，待提出单位确认，不能决定');
    await act(d.hq, b.id, 'escalate', {}, 409, 'blocker_step_invalid');
  });

  it('go to a resolver unit with a due date, which reports them solved; the raising unit verifies or reopens (issue 21 item 3)', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const other = await makeProject(h.db.database, d.loosePlan.id, d.unitB.id);
    const raised = await api.write(
      d.liaisonA,
      'POST',
      '/api/blockers',
      { itemType: 'task', itemId: task.id, title: '管网穿越铁路', category: 'institutional', helpAsked: '请协调铁路部门审批', alsoItems: [{ itemType: 'project', itemId: other.id }] },
      200,
    );
    const b = raised.json().data;
    expect(b).toMatchObject({ category: 'institutional', helpAsked: '请协调铁路部门审批', status: 'open', resolverUnitId: null });
    expect(b.items.map((i: { itemId: string }) => i.itemId)).toEqual([task.id, other.id]);
    // Both items' lights say what holds them back.
    const reasons = async (table: 'tasks' | 'projects', id: string) =>
      ((await h.db.database.db.execute(sql`select light_reasons from ${sql.identifier(table)} where id = ${id}`)) as unknown as { rows: { light_reasons: { code: string; params: Record<string, unknown> }[] }[] }).rows[0]!.light_reasons;
    expect((await reasons('tasks', task.id)).find((r) => r.code === 'blocked')).toMatchObject({ params: { count: 1, title: '管网穿越铁路', level: 'unit' } });
    expect((await reasons('projects', other.id)).some((r) => r.code === 'blocked')).toBe(true);
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '无', alsoItems: [{ itemType: 'task', itemId: other.id }] }, 422, 'reference_invalid');

    // The task force gives it to unit B, due in the future; a past day or an unknown unit is refused naming the field.
    await act(d.taskForce, b.id, 'assign', { resolverUnitId: d.unitB.id, dueDate: '2020-01-01' }, 422, 'blocker_due_past');
    const unknown = await act(d.taskForce, b.id, 'assign', { resolverUnitId: '00000000-0000-4000-8000-000000000000', dueDate: '2099-06-30' }, 422, 'blocker_resolver_unknown');
    expect(unknown.json().error.fields).toHaveProperty('resolverUnitId');
    await act(d.liaisonA, b.id, 'assign', { resolverUnitId: d.unitB.id, dueDate: '2099-06-30' }, 403, 'forbidden');
    const given = (await act(d.taskForce, b.id, 'assign', { resolverUnitId: d.unitB.id, dueDate: '2099-06-30', note: '请牵头协调' })).json().data;
    expect(given).toMatchObject({ status: 'assigned', resolverUnitId: d.unitB.id, resolverUnitName: d.unitB.name, dueDate: '2099-06-30', assignNote: '请牵头协调' });

    // Unit B sees it (given to it) and alone may report it solved; unit A may not solve its own blocker given to B.
    const forB = (await api.get(d.liaisonB, `/api/blockers?status=assigned&resolver=${d.unitB.id}`)).json().data.map((x: { id: string }) => x.id);
    expect(forB).toContain(b.id);
    const notA = await act(d.liaisonA, b.id, 'resolve', { resolution: '自己解决' }, 403, 'blocker_not_resolver');
    expect(notA.json().error.message).toContain(d.unitB.name);
    const solved = (await act(d.liaisonB, b.id, 'resolve', { resolution: '已与铁路部门签订穿越协议' })).json().data;
    expect(solved).toMatchObject({ status: 'resolved', resolution: '已与铁路部门签订穿越协议' });
    // Resolved, it no longer holds the items back.
    expect((await reasons('tasks', task.id)).some((r) => r.code === 'blocked')).toBe(false);

    // The resolver may not verify it; the raising unit reopens it with a reason: open again, at its level, for its holder.
    const resolverVerifies = await act(d.liaisonB, b.id, 'verify', {}, 403, 'blocker_verify_own');
    expect(resolverVerifies.json().error.message).toContain(d.unitA.name);
    const reopened = (await act(d.headA, b.id, 'reopen', { reason: '审批仍未下达' })).json().data;
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1, reopenReason: '审批仍未下达', resolution: null, resolverUnitId: null, level: 'unit' });
    expect((await reasons('tasks', task.id)).some((r) => r.code === 'blocked')).toBe(true);

    // Decided this time by the task force; the raising unit verifies and it is closed, with nothing left to do.
    await act(d.taskForce, b.id, 'decide', { decision: '由区政府出函协调' });
    await act(d.liaisonA, b.id, 'reopen', {}, 400, 'validation');
    const closed = (await act(d.liaisonA, b.id, 'verify', undefined)).json();
    expect(closed.data).toMatchObject({ status: 'closed' });
    expect(closed.data.verifiedAt).not.toBeNull();
    expect(Object.values(closed.policies).some(Boolean)).toBe(false);
    await act(d.liaisonA, b.id, 'reopen', { reason: '再开' }, 409, 'blocker_step_invalid');

    const audit = (await h.db.database.db.execute(sql`select action from audit_log where entity_id = ${b.id} order by id`)) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(['blocker.raised', 'blocker.assigned', 'blocker.resolved', 'blocker.reopened', 'blocker.decided', 'blocker.verified']);
  });

  it('show on their report as they stand now: given to a resolver unit, named', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', blockers: [{ title: '拆迁未完成', category: 'public' }] })).json().data;
    await act(d.taskForce, report.blockers[0].id, 'assign', { resolverUnitId: d.unitB.id, dueDate: '2099-06-30' });
    const shown = (await api.get(d.liaisonA, `/api/reports/${report.id}`)).json().data.blockers[0];
    expect(shown).toMatchObject({ status: 'assigned', category: 'public', resolverUnitName: d.unitB.name, dueDate: '2099-06-30', decidedByName: expect.any(String) });
  });

  it('are not verified by whoever recorded the resolution, even of the raising unit', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const b = (await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '本单位自行解决' }, 200)).json().data;
    await act(d.taskForce, b.id, 'assign', { resolverUnitId: d.unitA.id, dueDate: '2099-06-30' });
    await act(d.liaisonA, b.id, 'resolve', { resolution: '已解决' });
    const own = await act(d.liaisonA, b.id, 'verify', {}, 403, 'blocker_verify_own');
    expect(own.json().error.message).toContain('其他人员');
    expect((await act(d.headA, b.id, 'verify', {})).json().data.status).toBe('closed');
  });

  it('are listed within scope, with filters by status, level and unit', async () => {
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitB.id);
    const b = (await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'project', itemId: project.id, title: '环评未批' }, 200)).json().data;
    const ids = async (who: Person, q = '') => ((await api.get(who, `/api/blockers?unit=${d.unitB.id}${q}`)).json().data as { id: string }[]).map((x) => x.id);
    expect(await ids(d.liaisonB)).toEqual([b.id]);
    expect(await ids(d.liaisonB, '&status=open&level=unit')).toEqual([b.id]);
    expect(await ids(d.liaisonB, '&status=resolved')).toEqual([]);
    expect(await ids(d.liaisonB, '&status=unresolved')).toEqual([b.id]);
    expect(await ids(d.leader)).toContain(b.id);
    expect(await ids(d.liaisonA)).toEqual([]);
    // The project's plan has no task force: task forces do not see it; the HQ office handles it alone.
    expect(await ids(d.taskForce)).toEqual([]);
    await act(d.taskForce, b.id, 'escalate', {}, 404);
    expect((await act(d.hq, b.id, 'escalate', undefined)).json().data.level).toBe('task_force');
    expect((await api.get(d.publicist, '/api/blockers')).statusCode).toBe(403);
    const list = (await api.get(d.hq, '/api/blockers?status=open&level=task_force')).json();
    expect(list.data.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(list.policies).toEqual({ read: true, raise: false, escalate: true, assign: true, decide: true, return: true, resolve: false, verify: false, reopen: false });
    // Each row says what this reader may do to it, exactly as the blocker's own page does: the list needs no read per row.
    for (const who of [d.hq, d.liaisonB, d.leader, d.taskForce]) {
      const rows = (await api.get(who, '/api/blockers?perPage=50')).json().data as { id: string; policies: Record<string, boolean> }[];
      expect(rows.length, 'rows to compare').toBeGreaterThan(0);
      for (const r of rows) expect(r.policies, r.id).toEqual((await api.get(who, `/api/blockers/${r.id}`)).json().policies);
    }
  });

  it('with the leading group are the leader’s to decide: settle with the decision, or send back down with an instruction the unit reads (issue 17 item 8)', async () => {
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
    await act(d.leader, low.id, 'decide', { decision: '越级' }, 403, 'blocker_not_handler');
    await act(d.hq, low.id, 'return', { instruction: '越级' }, 403, 'blocker_not_handler');

    // The leader's list: open blockers with the leading group, oldest first, each with what the leader may do.
    const waiting = (await api.get(d.leader, '/api/blockers?status=open&level=leading_group&sort=oldest&perPage=100')).json();
    const mine = waiting.data.map((b: { id: string }) => b.id).filter((id: string) => [first, second].includes(id));
    expect(mine).toEqual([first, second]);
    expect((await api.get(d.leader, `/api/blockers/${first}`)).json().policies).toEqual({ escalate: false, assign: true, decide: true, return: true, resolve: false, verify: false, reopen: false });

    // Decide with a decision text.
    const decided = (await act(d.leader, first, 'decide', { decision: '由区政府协调铁路部门，12月底前完成穿越施工' })).json().data;
    expect(decided).toMatchObject({ status: 'resolved', resolution: '由区政府协调铁路部门，12月底前完成穿越施工', decidedByName: leaderName });

    // Send back down with an instruction: to the HQ office unless a lower level is named; never up or sideways.
    await act(d.leader, second, 'return', { instruction: '' }, 400, 'validation');
    await act(d.leader, second, 'return', { instruction: '调剂', level: 'leading_group' }, 422, 'blocker_level_not_lower');
    await act(d.liaisonA, second, 'return', { instruction: '越权' }, 403, 'forbidden');
    await act(d.taskForce, second, 'return', { instruction: '越权' }, 403, 'blocker_not_handler');
    const sent = (await act(d.leader, second, 'return', { instruction: '由区自然资源局在全区统筹调剂用地指标', level: 'unit', version: 3 })).json().data;
    expect(sent).toMatchObject({ status: 'open', level: 'unit', instruction: '由区自然资源局在全区统筹调剂用地指标', decidedByName: leaderName });
    expect(sent.instructedAt).not.toBeNull();
    await act(d.leader, second, 'return', { instruction: '重复' }, 403, 'blocker_not_handler');

    // The unit sees both decisions on its blockers.
    const unitSees = (await api.get(d.liaisonA, `/api/blockers?item=${task.id}&perPage=100`)).json().data;
    expect(unitSees.find((b: { id: string }) => b.id === first)).toMatchObject({ resolution: '由区政府协调铁路部门，12月底前完成穿越施工' });
    expect(unitSees.find((b: { id: string }) => b.id === second)).toMatchObject({ instruction: '由区自然资源局在全区统筹调剂用地指标', level: 'unit' });
    // Every decision is on the audit chain.
    const audit = (await h.db.database.db.execute(
      sql`select action from audit_log where entity_id in (${first}, ${second}) and action in ('blocker.decided', 'blocker.returned') order by id`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(['blocker.decided', 'blocker.returned']);
  });
});
