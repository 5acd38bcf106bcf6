import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { loginAs, makeUser } from '../../testing/factories.js';
import { dayFrom, monthsAgo, reportingApi, thisMonth, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makeProject, makeTarget, makeTask, type District, type Person } from '../../testing/workFactories.js';
import { now as clockNow } from '../../clock.js';

interface Line {
  at: string;
  kind: string;
  actorName: string | null;
  text: string;
}

describe.each(DATABASE_KINDS)("an item's history on %s", (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  const names = new Map<string, string>();
  const nameOf = (p: Person) => names.get(p.id)!;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    const ids = [d.hq, d.liaisonA, d.headA, d.taskForce].map((p) => p.id);
    for (const u of await h.db.database.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))) names.set(u.id, u.name);
  });
  afterAll(async () => h?.close());

  const ok = async (who: Person, method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown) => (await api.write(who, method, url, body, 200)).json().data;
  const history = async (who: Person, url: string, lang?: string): Promise<Line[]> => {
    const res = await api.call(who, 'GET', url, undefined, lang ? { 'accept-language': lang } : undefined);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json().data;
  };

  it('tells a task’s story newest first: created, edited, a milestone, a claim returned and made again, and an accepted report — each with who and when', async () => {
    let task = await ok(d.hq, 'POST', '/api/tasks', { planId: d.plan.id, code: `H${Date.now()}`, title: '餐饮油烟整治', leadUnitId: d.unitA.id, startDate: dayFrom(-30), deadline: dayFrom(60) });
    task = await ok(d.hq, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, title: '餐饮油烟专项整治', deadline: dayFrom(90) });
    await ok(d.hq, 'POST', `/api/tasks/${task.id}/milestones`, { name: '完成排查', due: dayFrom(10) });
    const claimUrl = `/api/tasks/${task.id}/claim`;
    await ok(d.liaisonA, 'POST', claimUrl, { version: 0, measures: '成立专班', milestones: [] });
    await ok(d.headA, 'POST', `${claimUrl}/return`, { version: 1, reason: '举措不够具体' });
    await ok(d.liaisonA, 'POST', claimUrl, { version: 2, measures: '专班推进，每周调度', milestones: [] });
    await ok(d.headA, 'POST', `${claimUrl}/approve`, { version: 3 });
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), text: '完成排查', percent: '40.5' })).json().data;
    await api.step(d.liaisonA, report.id, 'submit');
    await api.step(d.headA, report.id, 'approve');
    await api.step(d.taskForce, report.id, 'review');
    await api.step(d.hq, report.id, 'accept');

    const lines = await history(d.leader, `/api/tasks/${task.id}/history`);
    const unit = d.unitA.name;
    expect(lines.map((l) => [l.kind, l.text, l.actorName])).toEqual([
      ['report_accepted', `${unit}${thisMonth()}报送验收：进度40.5%`, nameOf(d.hq)],
      ['claim_approved', `${unit}的认领经单位一把手审批通过`, nameOf(d.headA)],
      ['claimed', `${unit}认领`, nameOf(d.liaisonA)],
      ['claim_returned', `${unit}的认领被退回：举措不够具体`, nameOf(d.headA)],
      ['claimed', `${unit}认领`, nameOf(d.liaisonA)],
      ['milestone_added', '新增节点“完成排查”', nameOf(d.hq)],
      ['updated', '修改了名称、期限', nameOf(d.hq)],
      ['created', '创建', nameOf(d.hq)],
    ]);
    const times = lines.map((l) => Date.parse(l.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBeGreaterThan(clockNow().getTime() - 60_000);
    expect((await history(d.publicist, `/api/tasks/${task.id}/history`, 'en-US')).find((l) => l.kind === 'updated')!.text).toBe('Changed title, deadline');
  });

  it('shows report lines (return reasons, accepted figures) only to those who may read the reports, on tasks, targets and projects', async () => {
    // The attack: the admin duties and the publicist are refused /api/reports, yet read a report's
    // return reason and accepted figure through the item's history.
    const refused: [string, Person][] = [['publicist', d.publicist]];
    for (const role of ['sysadmin', 'secadmin', 'auditor', 'oversight'] as const) {
      const u = await makeUser(h.db.database, [{ role }]);
      refused.push([role, { id: u.id, session: await loginAs(h.app, u) }]);
    }
    const readers: [string, Person][] = [['leader', d.leader], ['hq', d.hq], ['taskForce', d.taskForce], ['liaisonA', d.liaisonA], ['headA', d.headA]];
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const target = await makeTarget(h.db.database, d.plan.id, d.unitA.id);
    const project = await makeProject(h.db.database, d.plan.id, d.unitA.id);
    const items = [
      { path: 'tasks', id: task.id, figure: { percent: '37.5' }, shown: '37.5' },
      { path: 'targets', id: target.id, figure: { actual: '104.25' }, shown: '104.25' },
      { path: 'projects', id: project.id, figure: { investment: '777.00' }, shown: '777' },
    ];
    for (const [n, it] of items.entries()) {
      const itemType = it.path.slice(0, -1);
      const report = (await api.create(d.liaisonA, { itemType, itemId: it.id, period: monthsAgo(n + 1), text: '进展', ...it.figure })).json().data;
      await api.step(d.liaisonA, report.id, 'submit');
      await api.step(d.headA, report.id, 'return', { reason: `机密退回理由${n}` });
      await api.step(d.liaisonA, report.id, 'submit');
      await api.step(d.headA, report.id, 'approve');
      await api.step(d.taskForce, report.id, 'review');
      await api.step(d.hq, report.id, 'accept');
    }
    for (const it of items) {
      const url = `/api/${it.path}/${it.id}/history`;
      for (const [who, p] of refused) {
        const lines = await history(p, url);
        expect(lines.filter((l) => l.kind.startsWith('report_')), `${who} on ${it.path}`).toEqual([]);
        expect(lines.map((l) => l.text).join('|'), `${who} on ${it.path}`).not.toMatch(new RegExp(`机密退回理由|${it.shown}`));
      }
      for (const [who, p] of readers) {
        const kinds = (await history(p, url)).map((l) => l.kind).filter((k) => k.startsWith('report_'));
        expect(kinds, `${who} on ${it.path}`).toEqual(['report_accepted', 'report_returned']);
      }
      // Another unit's liaison reads the item but not unit A's reports.
      expect((await history(d.liaisonB, url)).filter((l) => l.kind.startsWith('report_'))).toEqual([]);
    }
  });

  it('keeps a target’s recorded actuals and a project’s investment plan, and answers 404 for an item that does not exist', async () => {
    const target = await ok(d.hq, 'POST', '/api/targets', {
      planId: d.plan.id,
      code: `HT${Date.now()}`,
      name: '规上工业增加值',
      measureUnit: '亿元',
      baseline: '100',
      direction: 'higher',
      dataUnitId: d.unitA.id,
      period: 'monthly',
      goals: [{ year: Number(today().slice(0, 4)), goal: '112' }],
    });
    await ok(d.hq, 'POST', `/api/targets/${target.id}/actuals`, { period: thisMonth(), value: '101.50' });
    expect((await history(d.liaisonA, `/api/targets/${target.id}/history`)).map((l) => l.text)).toEqual([`录入${thisMonth()}实际值101.5`, '创建']);

    const project = await ok(d.hq, 'POST', '/api/projects', { code: `HP${Date.now()}`, name: '园区管网工程', responsibleUnitId: d.unitA.id, totalInvestment: '100.00' });
    await ok(d.hq, 'PUT', `/api/projects/${project.id}/plan`, { version: project.version, years: [{ year: Number(today().slice(0, 4)), planned: '60.00' }] });
    expect((await history(d.liaisonA, `/api/projects/${project.id}/history`)).map((l) => l.text)).toEqual(['设置年度投资计划', '创建']);

    for (const path of ['tasks', 'targets', 'projects']) {
      const res = await api.call(d.hq, 'GET', `/api/${path}/${crypto.randomUUID()}/history`);
      expect(res.statusCode).toBe(404);
    }
    expect((await api.call(d.hq, 'GET', '/api/tasks/not-a-uuid/history')).statusCode).toBe(400);
  });
});
