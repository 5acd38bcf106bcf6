import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPeriod } from '../../../domain/reportPeriod.js';
import { lightEnv, refreshProjectLight, refreshTaskLight } from '../../lights/refresh.js';
import { loadCalendar } from '../../queries/calendar.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { dayFrom, reportingApi, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makeProject, makeTarget, makeTask, type District, type Person } from '../../testing/workFactories.js';

type Line = { itemId: string; reportId?: string; light: string; lightReasons: { code: string; text: string }[]; period?: string };
const ids = (lines: Line[]) => lines.map((l) => l.reportId ?? l.itemId);

describe.each(DATABASE_KINDS)('workbenches on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let period: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    period = openPeriod('monthly', today(), await loadCalendar(h.db.database.db)).period;
  });
  afterAll(async () => h?.close());

  const bench = async (who: Person, which: string, headers?: Record<string, string>) => {
    const res = await api.call(who, 'GET', `/api/workbench/${which}`, undefined, headers);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json().data;
  };
  const run = async (id: string, steps: [Person, string][]) => {
    for (const [who, action] of steps) await api.step(who, id, action, action === 'return' ? { reason: '请补充数据' } : {});
  };

  it('shows a unit what to claim, what to report, what came back, what is due soon and what is overdue — with lights and reasons', async () => {
    const db = h.db.database.db;
    const env = await lightEnv(db);
    const calendar = await loadCalendar(db);
    const toClaim = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id, claimStatus: 'unclaimed' }]);
    const claimed = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id, claimStatus: 'submitted' }], { startDate: dayFrom(10), deadline: dayFrom(200) });
    const toReport = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-40), deadline: dayFrom(200) });
    const reported = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-40), deadline: dayFrom(200) });
    const dueSoon = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-40), deadline: calendar.addWorkdays(today(), 2) });
    const overdue = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-90), deadline: dayFrom(-20) });
    const othersTask = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }], { deadline: dayFrom(-20) });
    for (const t of [toReport, dueSoon, overdue, othersTask]) await refreshTaskLight(db, t.id, env);
    const target = await makeTarget(h.db.database, d.plan.id, d.unitA.id);
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitA.id, { stageDates: { started: { planned: dayFrom(-30) } } });
    await refreshProjectLight(db, project.id, env);
    await api.create(d.liaisonA, { itemType: 'task', itemId: reported.id, period, percent: '10' });
    const back = (await api.create(d.liaisonA, { itemType: 'target', itemId: target.id, period, actual: '101' })).json().data;
    await run(back.id, [[d.liaisonA, 'submit'], [d.headA, 'return']]);

    const w = await bench(d.liaisonA, 'unit');
    expect(w.unitId).toBe(d.unitA.id);
    expect(ids(w.toClaim)).toEqual([toClaim.id]);
    expect(w.toClaim[0]).toMatchObject({ claimStatus: 'unclaimed', role: 'lead' });
    // A submitted claim waits for the unit head.
    expect(ids(w.claimsToApprove)).toEqual([claimed.id]);
    expect(w.claimsToApprove[0]).toMatchObject({ claimStatus: 'submitted', role: 'lead' });
    expect(ids(w.toReport)).toEqual(expect.arrayContaining([toReport.id, project.id, dueSoon.id, overdue.id]));
    expect(ids(w.toReport)).not.toContain(reported.id);
    expect(ids(w.toReport)).not.toContain(target.id);
    expect(w.toReport.every((l: Line) => l.period === period)).toBe(true);
    expect(ids(w.returned)).toEqual([back.id]);
    expect(w.returned[0]).toMatchObject({ status: 'returned', returnReason: '请补充数据', itemId: target.id, code: target.code, title: target.name, unitName: d.unitA.name });
    expect(w.unitName).toBe(d.unitA.name);
    expect(ids(w.dueSoon)).toEqual([dueSoon.id]);
    expect(w.dueSoon[0].lightReasons.map((r: Line['lightReasons'][number]) => r.code)).toContain('due_soon');
    expect(ids(w.overdue).sort()).toEqual([overdue.id, project.id].sort());
    const late = w.overdue.find((l: Line) => l.itemId === overdue.id);
    expect(late.light).toBe('red');
    expect(late.lightReasons[0].text).toMatch(/^已逾期\d+个工作日（期限/);
    expect(w.counts).toEqual({ toClaim: 1, claimsToApprove: 1, toReport: w.toReport.length, returned: 1, dueSoon: 1, overdue: 2 });
    // The claim is due five workdays after the assignment, and the unit reads that date.
    expect(w.toClaim[0]).toMatchObject({ claimDue: calendar.addWorkdays(today(), 5), claimLateWorkdays: 0 });
    const en = await bench(d.liaisonA, 'unit', { 'accept-language': 'en-US' });
    expect(en.overdue.find((l: Line) => l.itemId === overdue.id).lightReasons[0].text).toMatch(/^Overdue by (1 workday|\d+ workdays) \(due /);
    // B sees its own work only; the HQ office has no unit workbench.
    expect(ids((await bench(d.liaisonB, 'unit')).overdue)).toEqual([othersTask.id]);
    expect((await api.call(d.hq, 'GET', '/api/workbench/unit')).statusCode).toBe(403);
    expect((await api.call(d.liaisonA, 'GET', `/api/workbench/unit?unit=${d.unitB.id}`)).statusCode).toBe(403);
  });

  it('queues approved reports for the plan’s task force, reviewed ones for the HQ office, and counts lights and blockers', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-40), deadline: dayFrom(200) });
    const loose = await makeTask(h.db.database, d.loosePlan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-40), deadline: dayFrom(200) });
    await makeTask(h.db.database, d.loosePlan.id, [{ unitId: d.unitB.id, claimStatus: 'unclaimed' }]);
    const forTf = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period, percent: '30', blockers: [{ title: '缺少资金' }] })).json().data;
    const forHq = (await api.create(d.liaisonA, { itemType: 'task', itemId: loose.id, period, percent: '30' })).json().data;
    await run(forTf.id, [[d.liaisonA, 'submit'], [d.headA, 'approve']]);
    await run(forHq.id, [[d.liaisonA, 'submit'], [d.headA, 'approve']]);

    const tf = await bench(d.taskForce, 'task-force');
    expect(ids(tf.toReview)).toEqual([forTf.id]);
    expect(tf.toReview[0]).toMatchObject({ itemId: task.id, unitId: d.unitA.id, unitName: d.unitA.name, period, status: 'approved' });
    expect(Object.values(tf.counts.tasks as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(ids((await bench(d.otherTaskForce, 'task-force')).toReview)).toEqual([]);

    let hq = await bench(d.hq, 'hq');
    expect(ids(hq.toReview)).toContain(forHq.id);
    expect(ids(hq.toReview)).not.toContain(forTf.id);
    expect(ids(hq.toAccept)).not.toContain(forTf.id);
    await api.step(d.taskForce, forTf.id, 'review');
    hq = await bench(d.hq, 'hq');
    expect(ids(hq.toAccept)).toContain(forTf.id);
    expect(hq.counts.unclaimedTasks).toBeGreaterThanOrEqual(0);
    expect(hq.counts.openBlockers.unit).toBeGreaterThanOrEqual(1);
    expect(Object.keys(hq.counts.tasks).sort()).toEqual(['done', 'green', 'not_started', 'red', 'yellow']);
    expect(hq.counts.toAccept).toBe(hq.toAccept.length);
    expect((await bench(d.leader, 'hq')).counts.toAccept).toBe(hq.counts.toAccept);
    expect((await api.call(d.liaisonA, 'GET', '/api/workbench/hq')).statusCode).toBe(403);
    expect((await api.call(d.hq, 'GET', '/api/workbench/task-force')).statusCode).toBe(403);
  });

  it('counts on every card what the list under it shows, and tells the unit the claim deadline the office chases (issue 17 items 5, 6)', async () => {
    const db = h.db.database.db;
    const calendar = await loadCalendar(db);
    // One task assigned today (its claim is not late), one assigned ten workdays ago (late by four or five).
    const longAgo = calendar.addWorkdays(today(), -10);
    const fresh = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id, claimStatus: 'unclaimed' }]);
    const late = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id, claimStatus: 'unclaimed', assignedAt: new Date(`${longAgo}T09:00:00+08:00`) }]);
    const env = await lightEnv(db);
    for (const t of [fresh, late]) await refreshTaskLight(db, t.id, env);

    const hq = await bench(d.hq, 'hq');
    const unclaimedIds = hq.unclaimed.map((u: { taskId: string }) => u.taskId);
    expect(unclaimedIds).toContain(late.id);
    expect(unclaimedIds).not.toContain(fresh.id);
    const office = (await api.call(d.hq, 'GET', '/api/claims/unclaimed?perPage=100')).json();
    // Every card's count is the length of the list it opens (all lists here are under 50 lines).
    expect(hq.counts.unclaimedTasks).toBe(hq.unclaimed.length);
    expect(hq.counts.unclaimedTasks).toBe(office.page.total);
    expect(hq.counts.toAccept).toBe(hq.toAccept.length);
    expect(hq.counts.toReview).toBe(hq.toReview.length);
    const tf = await bench(d.taskForce, 'task-force');
    expect(tf.counts.toReview).toBe(tf.toReview.length);
    for (const who of [d.liaisonA, d.liaisonB]) {
      const w = await bench(who, 'unit');
      expect(w.counts).toEqual({
        toClaim: w.toClaim.length,
        claimsToApprove: w.claimsToApprove.length,
        toReport: w.toReport.length,
        returned: w.returned.length,
        dueSoon: w.dueSoon.length,
        overdue: w.overdue.length,
      });
    }

    // The unit's own workbench says what the HQ desk says about the late claim: same date, same days.
    const officeLine = hq.unclaimed.find((u: { taskId: string }) => u.taskId === late.id);
    const unitLine = (await bench(d.liaisonB, 'unit')).toClaim.find((l: Line) => l.itemId === late.id);
    expect(unitLine).toMatchObject({ claimDue: officeLine.claimDue, claimLateWorkdays: officeLine.overdueWorkdays });
    // Ten workdays back from a day that may itself be a rest day: late by four or five.
    expect(officeLine.overdueWorkdays).toBeGreaterThanOrEqual(4);
    // And so does the task's light: not "按序时进度推进" but late with its claim, in the same words.
    const [lateRow, freshRow] = await Promise.all([late.id, fresh.id].map(async (id) => (await api.call(d.hq, 'GET', `/api/tasks/${id}`)).json().data));
    expect(lateRow.light).toBe('red');
    expect(lateRow.lightReasons[0].text).toBe(`未认领：应于${officeLine.claimDue}前认领，已超${officeLine.overdueWorkdays}个工作日`);
    expect(freshRow.light).toBe('not_started');
    expect(freshRow.lightReasons[0].text).toBe(`待认领，应于${calendar.addWorkdays(today(), 5)}前认领`);
  });

  it('gives the leader the worst items first, each with its reasons in words, and the count of blockers waiting for a decision (issue 17 item 9)', async () => {
    const db = h.db.database.db;
    const env = await lightEnv(db);
    const longLate = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-200), deadline: dayFrom(-60), code: 'ZZ-LATE' });
    const justLate = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-200), deadline: dayFrom(-10), code: 'AA-LATE' });
    for (const t of [longLate, justLate]) await refreshTaskLight(db, t.id, env);
    const w = await bench(d.leader, 'leader');
    const worst = w.worst as (Line & { code: string })[];
    expect(worst.length).toBeGreaterThan(1);
    // Red before anything else; among the red, the longest late first, whatever the code says.
    const firstNotRed = worst.findIndex((l) => l.light !== 'red');
    expect(worst.slice(firstNotRed === -1 ? worst.length : firstNotRed).every((l) => l.light !== 'red')).toBe(true);
    const at = (id: string) => worst.findIndex((l) => l.itemId === id);
    expect(at(longLate.id)).toBeGreaterThanOrEqual(0);
    expect(at(longLate.id)).toBeLessThan(at(justLate.id));
    expect(worst[at(longLate.id)]!.lightReasons[0]!.text).toMatch(/^已逾期\d+个工作日（期限/);
    expect(w.counts.red).toBeGreaterThanOrEqual(2);
    expect(typeof w.counts.leadingGroupBlockers).toBe('number');
    expect((await bench(d.hq, 'leader')).counts).toEqual(w.counts);
    expect((await api.call(d.liaisonA, 'GET', '/api/workbench/leader')).statusCode).toBe(403);
    expect((await api.call(d.taskForce, 'GET', '/api/workbench/leader')).statusCode).toBe(403);
  });
});
