import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectMonths, projects, targetActuals, targets, tasks } from '../../db/schema/index.js';
import { lightEnv, refreshTaskLight } from '../../lights/refresh.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { monthsAgo, reportingApi, thisMonth, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makeProject, makeTarget, makeTask, type District, type Person } from '../../testing/workFactories.js';

describe.each(DATABASE_KINDS)('accepted reports change the facts on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const chain = async (id: string, reviewer: Person) => {
    for (const [who, action] of [[d.liaisonA, 'submit'], [d.headA, 'approve'], [reviewer, 'review'], [d.hq, 'accept']] as const) await api.step(who, id, action);
  };

  it('the unit head’s approval ends a task’s staleness, before the report reaches the task force and the HQ office', async () => {
    const db = h.db.database.db;
    // A parent reported only through its subtask: it stops being stale with it.
    const parent = await makeTask(h.db.database, d.plan.id, [], { startDate: '2026-01-05', deadline: '2099-12-31', lastReportDate: '2026-01-10' });
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { parentId: parent.id, startDate: '2026-01-05', deadline: '2099-12-31', lastReportDate: '2026-01-10' });
    for (const id of [parent.id, task.id]) await refreshTaskLight(db, id, await lightEnv(db));
    const parentCodes = async () => {
      const [t] = await db.select().from(tasks).where(eq(tasks.id, parent.id));
      return { codes: (t!.lightReasons as { code: string }[]).map((x) => x.code), last: t!.lastReportDate };
    };
    expect((await parentCodes()).codes).toContain('stale_report');
    const codes = async () => {
      const [t] = await db.select().from(tasks).where(eq(tasks.id, task.id));
      return { light: t!.light, codes: (t!.lightReasons as { code: string }[]).map((x) => x.code), last: t!.lastReportDate };
    };
    expect((await codes()).codes).toContain('stale_report');
    const r = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '90' })).json().data;
    await api.step(d.liaisonA, r.id, 'submit');
    expect((await codes()).codes).toContain('stale_report');
    await api.step(d.headA, r.id, 'approve');
    const after = await codes();
    expect(after.codes).not.toContain('stale_report');
    expect(after.last).toBe(today());
    expect(await parentCodes()).toMatchObject({ last: today() });
    expect((await parentCodes()).codes).not.toContain('stale_report');
  });

  it('a target report becomes the period’s actual, and the target’s light is recomputed', async () => {
    const target = await makeTarget(h.db.database, d.plan.id, d.unitA.id);
    await api.create(d.liaisonB, { itemType: 'target', itemId: target.id, period: thisMonth(), actual: '101' }, 403, 'report_not_owner');
    await api.create(d.liaisonA, { itemType: 'target', itemId: target.id, period: thisMonth(), percent: '5' }, 400, 'validation');
    const r = (await api.create(d.liaisonA, { itemType: 'target', itemId: target.id, period: monthsAgo(1), actual: '2.5', text: '一季度数据' })).json().data;
    await api.write(d.liaisonA, 'PATCH', `/api/reports/${r.id}`, { version: r.version, investment: '1' }, 422, 'report_field_invalid');
    await api.write(d.liaisonA, 'PATCH', `/api/reports/${r.id}`, { version: r.version, actual: '104.1234' }, 200);
    await chain(r.id, d.taskForce);
    const [actual] = await h.db.database.db.select().from(targetActuals).where(eq(targetActuals.targetId, target.id));
    expect(actual).toMatchObject({ period: monthsAgo(1), value: '104.1234', reportId: r.id });
    const [t] = await h.db.database.db.select().from(targets).where(eq(targets.id, target.id));
    expect((t!.lightReasons as { code: string }[]).some((x) => x.code === 'target_on_track' || x.code === 'target_behind')).toBe(true);
    expect(t!.lightAt).not.toBeNull();
  });

  it('a project report records the month’s investment and the stage reached; the HQ office reviews when the plan has no task force', async () => {
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitA.id, { stageDates: { signed: { planned: '2026-01-10', actual: '2026-01-12' }, started: { planned: '2099-01-01' } } });
    const r = (await api.create(d.liaisonA, { itemType: 'project', itemId: project.id, period: thisMonth(), investment: '1234.56', stage: 'started', text: '主体开工' })).json().data;
    expect(r).toMatchObject({ investment: '1234.56', stage: 'started' });
    await api.step(d.liaisonA, r.id, 'submit');
    await api.step(d.headA, r.id, 'approve');
    await api.step(d.taskForce, r.id, 'review', {}, 404);
    await api.step(d.hq, r.id, 'review');
    await api.step(d.hq, r.id, 'accept');
    const [month] = await h.db.database.db.select().from(projectMonths).where(eq(projectMonths.projectId, project.id));
    expect(month).toMatchObject({ month: thisMonth(), done: '1234.56', reportId: r.id });
    const [p] = await h.db.database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(p).toMatchObject({ stage: 'started', lastReportDate: today() });
    expect(p!.stageDates).toEqual({ signed: { planned: '2026-01-10', actual: '2026-01-12' }, started: { planned: '2099-01-01', actual: today() } });
  });

  it('an older period accepted after a newer one does not move the stage back', async () => {
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitA.id, { stage: 'planning' });
    const newer = (await api.create(d.liaisonA, { itemType: 'project', itemId: project.id, period: thisMonth(), investment: '10', stage: 'building' })).json().data;
    const older = (await api.create(d.liaisonA, { itemType: 'project', itemId: project.id, period: monthsAgo(1), investment: '5', stage: 'signed' })).json().data;
    await chain(newer.id, d.hq);
    await chain(older.id, d.hq);
    const [p] = await h.db.database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(p!.stage).toBe('building');
    const months = await h.db.database.db.select().from(projectMonths).where(eq(projectMonths.projectId, project.id));
    expect(months.map((m) => `${m.month}:${m.done}`).sort()).toEqual([`${monthsAgo(1)}:5.00`, `${thisMonth()}:10.00`]);
  });

  it('says what a figure must be, not only which field is wrong (issue 17 item 12)', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    for (const percent of ['150', '-5', 'abc', 150]) {
      const zh = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent }, 400, 'validation')).json().error;
      expect(zh.fields.percent).toBe('须在0到100之间，最多两位小数');
      expect(zh.message).toContain('完成进度 须在0到100之间');
    }
    const enRes = await api.call(d.liaisonA, 'POST', '/api/reports', { itemType: 'task', itemId: task.id, period: '第四季度', percent: '80' }, { 'accept-language': 'en-US' });
    expect(enRes.statusCode).toBe(400);
    const en = enRes.json().error;
    expect(en.fields.period).toBe('must be a period: a month like 2026-05, a quarter like 2026-Q2 or a week like 2026-W20');
    const money = (await api.create(d.liaisonA, { itemType: 'project', itemId: task.id, period: thisMonth(), investment: '-1' }, 400, 'validation')).json().error;
    expect(money.fields.investment).toBe('须为不小于0的金额（万元），最多两位小数');
  });
});
