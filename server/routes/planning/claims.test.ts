import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../../../domain/calendar/days.js';
import { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { taskUnits } from '../../db/schema/index.js';
import { expectError } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { call, code, makePlan, makeProgram, ok, planningCast } from '../../testing/planning.js';
import { today as clockToday } from '../../clock.js';

const cal = new WorkdayCalendar();
const today = clockToday();
/** Noon (Asia/Shanghai) of a day, as stored in assigned_at. */
const noonOf = (d: string) => new Date(dayNumber(d) * 86_400_000 + 4 * 3_600_000);

describe.each(DATABASE_KINDS)('claims on %s', (kind) => {
  let h: Harness;
  let cast: Awaited<ReturnType<typeof planningCast>>;
  let plan: { id: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    cast = await planningCast(h.app, h.db.database);
    plan = await makePlan(h.app, cast.hq, (await makeProgram(h.app, cast.hq)).id);
  });
  afterAll(async () => h?.close());

  const newTask = async (planId = plan.id) =>
    ok(
      await call(h.app, cast.hq, 'POST', '/api/tasks', {
        planId,
        code: code('K'),
        title: '培育壮大精细化工产业集群',
        leadUnitId: cast.unitA.id,
        supportUnitIds: [cast.unitB.id],
        startDate: today,
        deadline: cal.addWorkdays(today, 120),
      }),
    );
  const share = (task: { units: { unitId: string }[] }, unitId: string): Record<string, any> => task.units.find((u) => u.unitId === unitId)!;

  it('lets the assigned unit claim with measures and milestones, and its head approve or return', async () => {
    let task = await newTask();
    const url = `/api/tasks/${task.id}/claim`;
    const claim = { version: 0, measures: '成立工作专班，每月调度一次', milestones: [{ name: '完成规划环评', due: cal.addWorkdays(today, 20) }] };
    expectError(await call(h.app, cast.leader, 'POST', url, claim), 403, 'forbidden');
    expectError(await call(h.app, cast.sysadmin, 'POST', url, claim), 403, 'forbidden');
    expectError(await call(h.app, cast.liaisonB, 'POST', url, { ...claim, unitId: cast.unitA.id }), 403, 'forbidden');
    const stranger = expectError(await call(h.app, cast.liaisonA, 'POST', url, { ...claim, unitId: crypto.randomUUID() }), 422, 'task_not_assigned');
    expect(Object.keys(stranger.fields!)).toEqual(['unitId']);
    expect(Object.keys(expectError(await call(h.app, cast.liaisonA, 'POST', url, { ...claim, measures: ' ' }), 400).fields!)).toEqual(['measures']);

    task = ok(await call(h.app, cast.liaisonA, 'POST', url, claim));
    const mine = share(task, cast.unitA.id);
    expect(mine).toMatchObject({ claimStatus: 'submitted', measures: '成立工作专班，每月调度一次', version: 1 });
    expect((mine.milestones as { name: string; unitId: string }[]).map((m) => [m.name, m.unitId])).toEqual([['完成规划环评', cast.unitA.id]]);
    expect(share(task, cast.unitB.id).claimStatus).toBe('unclaimed');
    expect(task.milestones).toEqual([]);
    const headView = await call(h.app, cast.headA, 'GET', `/api/tasks/${task.id}`);
    expect(headView.json().policies).toMatchObject({ claim: false, approveClaim: true, returnClaim: true });
    expect((await call(h.app, cast.liaisonA, 'GET', `/api/tasks/${task.id}`)).json().policies).toMatchObject({ claim: false, approveClaim: false });

    expectError(await call(h.app, cast.liaisonA, 'POST', `${url}/approve`, { version: 1 }), 403, 'forbidden');
    const early = expectError(await call(h.app, cast.headB, 'POST', `${url}/approve`, { version: 0 }, 'en-US'), 409, 'claim_step_invalid');
    expect(early.message).toContain('not claimed');
    expectError(await call(h.app, cast.headA, 'POST', `${url}/approve`, { version: 0 }), 409, 'version_conflict');
    expect(Object.keys(expectError(await call(h.app, cast.headA, 'POST', `${url}/return`, { version: 1 }), 400).fields!)).toEqual(['reason']);
    task = ok(await call(h.app, cast.headA, 'POST', `${url}/return`, { version: 1, reason: '举措不够具体，请明确时间节点' }));
    expect(share(task, cast.unitA.id)).toMatchObject({ claimStatus: 'returned', returnReason: '举措不够具体，请明确时间节点' });

    task = ok(await call(h.app, cast.headA, 'POST', url, { version: 2, measures: '专班推进，每月10日前报送进展', milestones: [] }));
    expect(share(task, cast.unitA.id)).toMatchObject({ claimStatus: 'submitted', returnReason: null, milestones: [] });
    task = ok(await call(h.app, cast.headA, 'POST', `${url}/approve`, { version: 3 }));
    expect(share(task, cast.unitA.id)).toMatchObject({ claimStatus: 'approved', version: 4 });
    expect(share(task, cast.unitA.id).approvedAt).toBeTruthy();
    expectError(await call(h.app, cast.liaisonA, 'POST', url, { ...claim, version: 4 }), 409, 'claim_step_invalid');

    task = ok(await call(h.app, cast.liaisonB, 'POST', url, { ...claim, version: 0 }));
    expect(share(task, cast.unitB.id).claimStatus).toBe('submitted');
  });

  it('counts an overdue claim milestone in the task’s light', async () => {
    const task = await newTask();
    const due = cal.addWorkdays(today, -6);
    const late = -cal.workdaysUntil(today, due);
    const claimed = ok(await call(h.app, cast.liaisonA, 'POST', `/api/tasks/${task.id}/claim`, { version: 0, measures: '倒排工期', milestones: [{ name: '签约', due }] }));
    expect(claimed.lightReasons).toContainEqual(expect.objectContaining({ code: 'milestone_overdue', text: `节点“签约”逾期${late}个工作日` }));
  });

  it('lists units that have not claimed within N workdays of assignment, on the workday calendar', async () => {
    const listPlan = await makePlan(h.app, cast.hq, (await makeProgram(h.app, cast.hq)).id);
    const old = await newTask(listPlan.id);
    const recent = await newTask(listPlan.id);
    const assigned = cal.addWorkdays(today, -10);
    await h.db.database.db.update(taskUnits).set({ assignedAt: noonOf(assigned) }).where(eq(taskUnits.taskId, old.id));
    // The lead unit claimed in time; its supporting unit did not.
    await h.db.database.db.update(taskUnits).set({ claimStatus: 'approved' }).where(and(eq(taskUnits.taskId, old.id), eq(taskUnits.unitId, cast.unitA.id)));
    const list = (n: number) => call(h.app, cast.hq, 'GET', `/api/claims/unclaimed?workdays=${n}&plan=${listPlan.id}`);
    const late = (await list(5)).json();
    const claimDue = cal.addWorkdays(assigned, 5);
    expect(late.data).toEqual([
      {
        taskId: old.id,
        taskCode: old.code,
        taskTitle: old.title,
        planId: listPlan.id,
        unitId: cast.unitB.id,
        unitName: cast.unitB.name,
        role: 'support',
        assignedAt: noonOf(assigned).toISOString(),
        claimDue,
        overdueWorkdays: -cal.workdaysUntil(today, claimDue),
      },
    ]);
    expect(late.page.total).toBe(1);
    expect((await list(30)).json().data).toEqual([]);
    const all = (await list(0)).json().data.map((r: { taskId: string }) => r.taskId);
    expect(all).toContain(old.id);
    expect(all).not.toContain(recent.id);
    expect(Object.keys(expectError(await call(h.app, cast.hq, 'GET', '/api/claims/unclaimed?workdays=-1'), 400).fields!)).toEqual(['workdays']);
    expect((await call(h.app, cast.liaisonA, 'GET', `/api/claims/unclaimed?plan=${listPlan.id}`)).statusCode).toBe(200);
  });
});
