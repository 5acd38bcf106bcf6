import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeBody } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { call, code, makeArea, makePlan, makeProgram, ok, planningCast, Y } from '../../testing/planning.js';

describe.each(DATABASE_KINDS)('programs and plans on %s', (kind) => {
  let h: Harness;
  let cast: Awaited<ReturnType<typeof planningCast>>;
  beforeAll(async () => {
    h = await startHarness(kind);
    cast = await planningCast(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  it('keeps a program with its year goals: the HQ office writes, everyone signed in reads', async () => {
    expectError(await call(h.app, null, 'GET', '/api/programs'), 401, 'unauthenticated');
    const p = await makeProgram(h.app, cast.hq);
    expect(p.yearGoals[0]).toEqual({ year: Y, title: '首战告捷', description: '重点指标实现突破' });
    const list = await call(h.app, cast.liaisonA, 'GET', '/api/programs?perPage=100');
    expect(list.json().data.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(list.json().policies).toEqual({ read: true, create: false, update: false, createArea: false });
    expect(ok(await call(h.app, cast.liaisonA, 'GET', `/api/programs/${p.id}`)).name).toBe('全面振兴新突破三年行动');
    for (const s of [cast.sysadmin, cast.liaisonA, cast.leader]) expectError(await call(h.app, s, 'POST', '/api/programs', { code: code(), name: 'x', startYear: Y, endYear: Y + 2 }), 403, 'forbidden');
    const renamed = ok(await call(h.app, cast.hq, 'PATCH', `/api/programs/${p.id}`, { version: p.version, name: '三年行动（修订）' }));
    expect(renamed.version).toBe(p.version + 1);
    expectError(await call(h.app, cast.hq, 'PATCH', `/api/programs/${p.id}`, { version: p.version, name: '旧版本' }), 409, 'version_conflict');
    expectError(await call(h.app, cast.hq, 'POST', '/api/programs', { code: p.code, name: 'x', startYear: Y, endYear: Y + 2 }), 409, 'duplicate');
    expectError(await call(h.app, cast.hq, 'GET', `/api/programs/${crypto.randomUUID()}`), 404, 'not_found');
  });

  it('refuses bad years: 400 naming the field, or 422 when the stored goals fall outside', async () => {
    const reversed = expectError(await call(h.app, cast.hq, 'POST', '/api/programs', { code: code(), name: 'x', startYear: Y + 2, endYear: Y }), 400, 'validation');
    expect(Object.keys(reversed.fields!)).toEqual(['endYear']);
    const goal = expectError(
      await call(h.app, cast.hq, 'POST', '/api/programs', { code: code(), name: 'x', startYear: Y, endYear: Y + 2, yearGoals: [{ year: Y + 4, title: '远期' }] }),
      400,
    );
    expect(Object.keys(goal.fields!)).toEqual(['yearGoals.0.year']);
    const p = await makeProgram(h.app, cast.hq);
    const shrunk = expectError(await call(h.app, cast.hq, 'PATCH', `/api/programs/${p.id}`, { version: p.version, endYear: Y + 1 }, 'en-US'), 422, 'year_out_of_range');
    expect(Object.keys(shrunk.fields!)).toEqual(['yearGoals.2.year']);
    expect(shrunk.message).toContain(`${Y}–${Y + 1}`);
  });

  it('keeps areas per program, codes unique within it', async () => {
    const p = await makeProgram(h.app, cast.hq);
    const a = await makeArea(h.app, cast.hq, p.id, '石化产业链');
    expect(ok(await call(h.app, cast.liaisonB, 'GET', `/api/programs/${p.id}/areas`))).toEqual([a]);
    expectError(await call(h.app, cast.hq, 'POST', `/api/programs/${p.id}/areas`, { code: a.code, name: '重复' }), 409, 'duplicate');
    expectError(await call(h.app, cast.liaisonA, 'POST', `/api/programs/${p.id}/areas`, { code: code(), name: '越权' }), 403);
    expectError(await call(h.app, cast.hq, 'POST', `/api/programs/${crypto.randomUUID()}/areas`, { code: code(), name: '无' }), 404);
  });

  it('creates plans with a task force, a lead unit and areas, refusing bad references by field', async () => {
    const p = await makeProgram(h.app, cast.hq);
    const other = await makeProgram(h.app, cast.hq);
    const area = await makeArea(h.app, cast.hq, p.id);
    const foreignArea = await makeArea(h.app, cast.hq, other.id);
    const plan = await makePlan(h.app, cast.hq, p.id, { taskForceId: cast.taskForce.id, leadUnitId: cast.unitA.id, areaIds: [area.id] });
    expect(plan).toMatchObject({ status: 'draft', taskForceName: cast.taskForce.name, leadUnitName: cast.unitA.name, currentVersionNo: 1, lastReturn: null });
    expect(plan.areas).toEqual([{ id: area.id, code: area.code, name: area.name }]);
    expect(plan.taskLights).toEqual({ green: 0, yellow: 0, red: 0, done: 0, not_started: 0 });
    expect(plan.targetLights).toEqual(plan.taskLights);
    expect(plan.projectLights).toEqual(plan.taskLights);
    expect(plan.approvedByName).toBeNull();
    const group = await makeBody(h.db.database, { kind: 'leading_group' });
    for (const [payload, field] of [
      [{ taskForceId: group.id }, 'taskForceId'],
      [{ leadUnitId: crypto.randomUUID() }, 'leadUnitId'],
      [{ areaIds: [area.id, foreignArea.id] }, 'areaIds.1'],
      [{ programId: crypto.randomUUID() }, 'programId'],
    ] as const) {
      const e = expectError(await call(h.app, cast.hq, 'POST', '/api/plans', { programId: p.id, kind: 'special', code: code(), title: '方案', ...payload }), 422, 'reference_invalid');
      expect(Object.keys(e.fields!)).toEqual([field]);
    }
    const bad = expectError(await call(h.app, cast.hq, 'POST', '/api/plans', { programId: p.id, kind: 'grand', code: code(), title: '' }), 400);
    expect(Object.keys(bad.fields!).sort()).toEqual(['kind', 'title']);
    expectError(await call(h.app, cast.sysadmin, 'POST', '/api/plans', { programId: p.id, kind: 'special', code: code(), title: '方案' }), 403);

    await makePlan(h.app, cast.hq, p.id, { kind: 'overall', title: '总体方案' });
    const specials = await call(h.app, cast.liaisonA, 'GET', `/api/plans?program=${p.id}&kind=special&status=draft`);
    expect(specials.json().data.map((x: { id: string }) => x.id)).toEqual([plan.id]);
    expect(specials.json().page).toEqual({ page: 1, perPage: 50, total: 1 });
    expect(Object.keys(expectError(await call(h.app, cast.hq, 'GET', '/api/plans?status=lost'), 400).fields!)).toEqual(['status']);
  });

  it('walks a plan through review, return with a reason, resubmission, approval and publication', async () => {
    const p = await makeProgram(h.app, cast.hq);
    let plan = await makePlan(h.app, cast.hq, p.id, { summary: '初稿' });
    const step = (s: typeof cast.hq, action: string, body: Record<string, unknown> = {}, lang?: string) =>
      call(h.app, s, 'POST', `/api/plans/${plan.id}/${action}`, { version: plan.version, ...body }, lang);

    const early = expectError(await step(cast.hq, 'publish', {}, 'zh-CN'), 409, 'plan_step_invalid');
    expect(early.message).toContain('草稿');
    expectError(await step(cast.liaisonA, 'submit'), 403, 'forbidden');
    plan = ok(await step(cast.hq, 'submit'));
    expect(plan).toMatchObject({ status: 'under_review', currentVersionNo: 1 });
    expectError(await call(h.app, cast.hq, 'PATCH', `/api/plans/${plan.id}`, { version: plan.version, summary: '改' }), 409, 'plan_not_draft');

    const leaderView = await call(h.app, cast.leader, 'GET', `/api/plans/${plan.id}`);
    expect(leaderView.json().policies).toMatchObject({ approve: true, return: true, publish: false, submit: false, update: false });
    expect(Object.keys(expectError(await step(cast.leader, 'return'), 400).fields!)).toEqual(['reason']);
    expectError(await call(h.app, cast.leader, 'POST', `/api/plans/${plan.id}/return`, { version: plan.version - 1, reason: '旧' }), 409, 'version_conflict');
    plan = ok(await step(cast.leader, 'return', { reason: '请补充考核指标' }));
    expect(plan.status).toBe('draft');
    expect(plan.lastReturn.reason).toBe('请补充考核指标');

    plan = ok(await call(h.app, cast.hq, 'PATCH', `/api/plans/${plan.id}`, { version: plan.version, summary: '第二稿' }));
    plan = ok(await step(cast.hq, 'submit'));
    expect(plan.currentVersionNo).toBe(2);
    expectError(await step(cast.sysadmin, 'approve'), 403);
    plan = ok(await step(cast.leader, 'approve', { decisionRef: '领导小组第1次会议议定事项第2项' }));
    expect(plan).toMatchObject({ status: 'approved', decisionRef: '领导小组第1次会议议定事项第2项', lastReturn: null });
    expect(plan.approvedById).toBeTruthy();
    expect(plan.approvedAt).toBeTruthy();
    // Who approved it, by post, as the leader is shown everywhere else.
    const leaderMe = ok(await call(h.app, cast.leader, 'GET', '/api/me'));
    expect(leaderMe.displayName).toBeTruthy();
    expect(plan.approvedByName).toBe(leaderMe.displayName);
    expectError(await step(cast.leader, 'publish'), 403);
    plan = ok(await step(cast.hq, 'publish'));
    expect(plan.status).toBe('published');
    expect(plan.publishedAt).toBeTruthy();
    expectError(await step(cast.hq, 'return', { reason: '晚了' }, 'en-US'), 409, 'plan_step_invalid');

    const versions = ok(await call(h.app, cast.liaisonB, 'GET', `/api/plans/${plan.id}/versions`));
    expect(versions.map((v: { versionNo: number; summary: string }) => [v.versionNo, v.summary])).toEqual([
      [2, '第二稿'],
      [1, '初稿'],
    ]);
  });
});
