import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPeriod } from '../../../domain/reportPeriod.js';
import { loadCalendar } from '../../queries/calendar.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { dayFrom, monthsAgo, reportingApi, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makeProject, makeTarget, makeTask, type District } from '../../testing/workFactories.js';

// Issue 17 items 12 and 13: the report form shows what the item asks, its deadline and the last
// accepted figure, and offers the periods the report may be for instead of a box to type one in.
describe.each(DATABASE_KINDS)('the report brief on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());
  const brief = async (who: District['liaisonA'], itemType: string, itemId: string, status = 200) => {
    const res = await api.call(who, 'GET', `/api/reports/brief?itemType=${itemType}&itemId=${itemId}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    return res.json();
  };

  it('tells the liaison what the task asks, by when, what was last accepted, and which periods to pick from', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], {
      description: '完成辖区工业企业用工需求摸排，形成台账。',
      startDate: dayFrom(-120),
      deadline: dayFrom(200),
      reportPeriod: 'monthly',
    });
    const r = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: monthsAgo(2), percent: '60', text: '已摸排企业42家，台账初稿完成。' })).json().data;
    for (const [who, action] of [[d.liaisonA, 'submit'], [d.headA, 'approve'], [d.taskForce, 'review'], [d.hq, 'accept']] as const) await api.step(who, r.id, action);
    const b = (await brief(d.liaisonA, 'task', task.id)).data;
    expect(b).toMatchObject({ code: task.code, title: task.title, content: '完成辖区工业企业用工需求摸排，形成台账。', due: dayFrom(200) });
    // The phone's form starts from the last figure and last time's words (issue 24).
    expect(b.lastAccepted).toMatchObject({ period: monthsAgo(2), figure: '进度60%', value: '60' });
    expect(b.lastText).toBe('已摸排企业42家，台账初稿完成。');
    const open = openPeriod('monthly', today(), await loadCalendar(h.db.database.db)).period;
    expect(b.periods.find((p: { open: boolean }) => p.open).period).toBe(open);
    expect(b.periods.find((p: { period: string }) => p.period === monthsAgo(2))).toMatchObject({ reportId: r.id, status: 'accepted' });
    // Another unit's reports are not the liaison's own.
    const other = (await brief(d.liaisonB, 'task', task.id)).data;
    expect(other.periods.every((p: { reportId: string | null }) => p.reportId === null)).toBe(true);
    expect(other.lastText).toBeNull();
  });

  it('gives a target’s goals and last actual with its unit, a project’s site and 投产 date; refuses strangers and unknown items', async () => {
    const target = await makeTarget(h.db.database, d.plan.id, d.unitA.id);
    const t = (await brief(d.liaisonA, 'target', target.id)).data;
    expect(t.content).toMatch(/年度目标 \d{4} 112亿元/);
    expect(t.lastAccepted).toBeNull();
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitA.id, { ownerEnterprise: '盘锦某新材料公司', location: '精细化工产业开发区', stageDates: { operating: { planned: '2027-06-30' } } });
    const p = (await brief(d.liaisonA, 'project', project.id)).data;
    expect(p).toMatchObject({ due: '2027-06-30' });
    expect(p.content).toContain('精细化工产业开发区');
    await brief(d.publicist, 'task', project.id, 403);
    await brief(d.liaisonA, 'task', crypto.randomUUID(), 404);
    await brief(d.liaisonA, 'project', target.id, 404);
  });
});
