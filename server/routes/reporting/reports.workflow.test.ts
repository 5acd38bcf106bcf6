import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount } from '../../audit.js';
import { reports, reportSteps, tasks, taskUnits } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { dayFrom, monthsAgo, reportingApi, thisMonth, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District } from '../../testing/workFactories.js';

describe.each(DATABASE_KINDS)('report workflow on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  /** A task of unit A on the task force's plan, started 60 days ago and due in 60: 序时进度 ≈ 50%. */
  const taskOfA = (over: Parameters<typeof makeTask>[3] = {}) =>
    makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-60), deadline: dayFrom(60), ...over });

  it('lets a unit whose claim is not approved save a draft but not send it up, and stops the chain when the claim is returned meanwhile', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id, claimStatus: 'submitted' }], { startDate: dayFrom(-60), deadline: dayFrom(60) });
    const claim = (status: string) => h.db.database.db.update(taskUnits).set({ claimStatus: status }).where(and(eq(taskUnits.taskId, task.id), eq(taskUnits.unitId, d.unitA.id)));
    const draft = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), text: '完成选址', percent: '40' })).json().data;
    const before = await auditCount(h.db.database.db);
    const refused = await api.step(d.liaisonA, draft.id, 'submit', {}, 422, 'claim_not_approved');
    expect(refused.json().error.message).toBe('本单位对该任务的认领尚待单位一把手审批，须经单位一把手审批通过后方可报送（可先保存草稿）');
    expect(await auditCount(h.db.database.db)).toBe(before);
    const [still] = await h.db.database.db.select().from(reports).where(eq(reports.id, draft.id));
    expect(still!.status).toBe('draft');

    await claim('approved');
    await api.step(d.liaisonA, draft.id, 'submit');
    // The head returned the claim after the report went up: the report goes no further, but can be sent back.
    await claim('returned');
    const en = await api.call(d.headA, 'POST', `/api/reports/${draft.id}/approve`, {}, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toContain('claim on this task is returned');
    await api.step(d.headA, draft.id, 'return', { reason: '认领已退回，请重新认领后再报送' });
  });

  it('runs the whole chain: submit → approve → task force returns with a reason → fix → resubmit → … → HQ accepts; the light turns green', async () => {
    const task = await taskOfA();
    const created = await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), text: '完成选址', percent: '40', blockers: [{ title: '用地指标不足' }] });
    const draft = created.json().data;
    expect(draft).toMatchObject({ status: 'draft', unitId: d.unitA.id, percent: '40.00', itemTitle: task.title, late: false, version: 0 });
    expect(draft.blockers).toHaveLength(1);
    expect(created.json().policies).toEqual({ update: true, submit: true, approve: false, review: false, accept: false, return: false });
    const id = draft.id as string;

    await api.step(d.liaisonA, id, 'submit', { version: 0 });
    // The liaison cannot approve; B's head who is also A's liaison is told whose step it is;
    // the HQ office cannot skip ahead; another unit's head cannot even see the report.
    await api.step(d.liaisonA, id, 'approve', {}, 403, 'forbidden');
    const wrongUnit = await api.step(d.headBLiaisonA, id, 'approve', {}, 403, 'report_step_unit');
    expect(wrongUnit.json().error.message).toBe(`此步骤须由${d.unitA.name}的一把手办理`);
    await api.step(d.hq, id, 'accept', {}, 409, 'report_step_invalid');
    await api.step(d.headB, id, 'approve', {}, 404, 'not_found');
    await api.step(d.headA, id, 'approve', { version: 0 }, 409, 'version_conflict');
    await api.step(d.headA, id, 'approve');

    // The plan has a task force: the HQ office may not review in its place; another task force cannot see it.
    const hqReview = await api.step(d.hq, id, 'review', {}, 403, 'report_step_task_force');
    expect(hqReview.json().error.message).toContain(d.tfBody.name);
    await api.step(d.otherTaskForce, id, 'review', {}, 404);
    await api.step(d.taskForce, id, 'return', {}, 400, 'validation');
    await api.step(d.taskForce, id, 'return', { reason: '   ' }, 400, 'validation');
    const returned = await api.step(d.taskForce, id, 'return', { reason: '缺少现场照片' });
    expect(returned.json().data).toMatchObject({ status: 'returned', returnReason: '缺少现场照片' });

    const fixed = await api.write(d.liaisonA, 'PATCH', `/api/reports/${id}`, { version: returned.json().data.version, percent: '55', text: '完成选址，补充现场照片' }, 200);
    expect(fixed.json().data).toMatchObject({ status: 'returned', percent: '55.00' });
    await api.step(d.liaisonA, id, 'submit');
    await api.write(d.liaisonA, 'PATCH', `/api/reports/${id}`, { version: fixed.json().data.version + 1, text: '改' }, 409, 'report_not_editable');
    // 审批意见 is optional with every step up the chain, bounded like a reason, and kept in the history (issue 17 item 14).
    await api.step(d.headA, id, 'approve', { comment: '同意上报'.repeat(200) }, 400, 'validation');
    await api.step(d.headA, id, 'approve', { comment: '  同意上报，请专班把关  ' });
    await api.step(d.taskForce, id, 'review', { comment: '' });
    await api.step(d.taskForce, id, 'accept', {}, 403, 'forbidden');
    const accepted = await api.step(d.hq, id, 'accept', { comment: '数据翔实，同意验收' });

    const detail = accepted.json().data;
    expect(detail.status).toBe('accepted');
    expect(detail.steps.map((s: { action: string; toStatus: string }) => `${s.action}→${s.toStatus}`)).toEqual([
      'submit→submitted',
      'approve→approved',
      'return→returned',
      'submit→submitted',
      'approve→approved',
      'review→reviewed',
      'accept→accepted',
    ]);
    expect(detail.steps[2]).toMatchObject({ reason: '缺少现场照片', actorId: d.taskForce.id });
    expect(detail.steps.map((s: { reason: string | null }) => s.reason)).toEqual([null, null, '缺少现场照片', null, '同意上报，请专班把关', null, '数据翔实，同意验收']);
    expect(detail.steps.every((s: { at: string }) => !Number.isNaN(Date.parse(s.at)))).toBe(true);
    expect(accepted.json().policies).toEqual({ update: false, submit: false, approve: false, review: false, accept: false, return: false });
    // Accepting changed the facts, and the light follows them: 55% is ahead of ~50% expected. The
    // blocker the report raised is still open: the light says so, without turning for it.
    expect(detail.item.light).toBe('green');
    expect(detail.item.lightReasons.map((r: { text: string }) => r.text)).toEqual(['按序时进度推进', '有1个堵点尚未解决：“用地指标不足”（单位层面）']);
    const [t] = await h.db.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(t).toMatchObject({ progress: '55.00', done: false, lastReportDate: today(), light: 'green' });

    // The period is now closed for this unit and item.
    await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '60' }, 409, 'period_closed');
    const en = await api.call(d.liaisonA, 'GET', `/api/reports/${id}`, undefined, { 'accept-language': 'en-US' });
    expect(en.json().data.item.lightReasons[0].text).toBe('On schedule');
  });

  it('answers each step with the report as a fresh read shows it, and lets only one of two racing steps through', async () => {
    const task = await taskOfA();
    const id = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), text: '开工', percent: '10', blockers: [{ title: '资金未到位' }] })).json().data.id as string;
    for (const [who, action] of [[d.liaisonA, 'submit'], [d.headA, 'approve'], [d.taskForce, 'review']] as const) {
      const reply = await api.step(who, id, action);
      const read = await api.call(who, 'GET', `/api/reports/${id}`);
      expect(reply.json()).toEqual(read.json());
      expect(reply.json().data.steps.at(-1)).toMatchObject({ action, actorId: who.id, actorName: expect.any(String) });
    }

    // The HQ office accepts and returns at the same moment: one wins, the other is told the report moved on.
    const before = await auditCount(h.db.database.db);
    const [a, b] = await Promise.all([api.call(d.hq, 'POST', `/api/reports/${id}/accept`, {}), api.call(d.hq, 'POST', `/api/reports/${id}/return`, { reason: '数据有误' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('report_step_invalid');
    const steps = await h.db.database.db.select().from(reportSteps).where(eq(reportSteps.reportId, id));
    expect(steps.map((s) => s.action).sort()).toEqual(['approve', 'review', 'submit', a.statusCode === 200 ? 'accept' : 'return'].sort());
    expect(await auditCount(h.db.database.db)).toBe(before + 1);
    const [row] = await h.db.database.db.select().from(reports).where(eq(reports.id, id));
    expect(row).toMatchObject({ status: a.statusCode === 200 ? 'accepted' : 'returned', version: 4 });
  });

  it('refuses reports on items the unit does not own, on periods not begun or of the wrong cycle, and duplicates', async () => {
    const task = await taskOfA();
    const refused = await api.create(d.liaisonB, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' }, 403, 'report_not_owner');
    expect(refused.json().error.message).toContain('任务');
    await api.create(d.hq, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' }, 403, 'forbidden');
    await api.create(d.liaisonA, { itemType: 'task', itemId: crypto.randomUUID(), period: thisMonth(), percent: '10' }, 404, 'not_found');
    await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: monthsAgo(-2), percent: '10' }, 422, 'period_future');
    await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: '2026-Q1', percent: '10' }, 422, 'period_invalid');
    const missing = await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth() }, 400, 'validation');
    expect(Object.keys(missing.json().error.fields)).toEqual(['percent']);
    const foreign = await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', investment: '5' }, 400, 'validation');
    expect(Object.keys(foreign.json().error.fields)).toEqual(['investment']);
    await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '100.5' }, 400, 'validation');
    await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' });
    await api.create(d.headA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '20' }, 409, 'report_exists');
  });

  it('marks a report late when first submitted after its due date, and keeps the flag on resubmission', async () => {
    const task = await taskOfA({ startDate: dayFrom(-200) });
    const old = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: monthsAgo(3), percent: '30' })).json().data;
    expect(old.dueDate < today()).toBe(true);
    const submitted = await api.write(d.liaisonA, 'POST', `/api/reports/${old.id}/submit`, undefined, 200);
    expect(submitted.json().data.late).toBe(true);
    await api.step(d.headA, old.id, 'return', { reason: '数据有误' });
    expect((await api.step(d.headA, old.id, 'submit')).json().data.late).toBe(true);

    const current = (await api.create(d.headA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '35' })).json().data;
    expect(current.dueDate >= today()).toBe(true);
    expect((await api.step(d.headA, current.id, 'submit')).json().data.late).toBe(false);
  });

  it('lets a supporting unit report its share without moving the lead unit’s progress', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }, { unitId: d.unitB.id, role: 'support' }], { startDate: dayFrom(-30), deadline: dayFrom(300) });
    const share = (await api.create(d.liaisonB, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '90' })).json().data;
    for (const [who, action] of [[d.liaisonB, 'submit'], [d.headB, 'approve'], [d.taskForce, 'review'], [d.hq, 'accept']] as const) await api.step(who, share.id, action);
    const [t] = await h.db.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(t).toMatchObject({ progress: '0.00', lastReportDate: today() });
  });

  it('lists reports within each reader’s scope, with filters', async () => {
    const task = await taskOfA();
    const r = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '5' })).json().data;
    const ids = async (who: typeof d.liaisonA, query = '') => ((await api.get(who, `/api/reports?item=${task.id}${query}`)).json().data as { id: string }[]).map((x) => x.id);
    expect(await ids(d.liaisonA)).toEqual([r.id]);
    expect(await ids(d.headA, '&status=draft')).toEqual([r.id]);
    expect(await ids(d.headA, '&status=submitted')).toEqual([]);
    // A draft is the unit's own: the task force, HQ office and leaders see it once it is submitted.
    for (const who of [d.taskForce, d.hq, d.leader]) expect(await ids(who)).toEqual([]);
    expect((await api.get(d.hq, `/api/reports/${r.id}`)).statusCode).toBe(404);
    for (const who of [d.liaisonB, d.headB, d.taskForce, d.otherTaskForce, d.leader]) expect((await api.get(who, `/api/reports/${r.id}`)).statusCode).toBe(404);
    for (const who of [d.liaisonA, d.headA, d.headBLiaisonA]) expect((await api.get(who, `/api/reports/${r.id}`)).statusCode).toBe(200);
    await api.step(d.liaisonA, r.id, 'submit');
    expect(await ids(d.taskForce)).toEqual([r.id]);
    expect(await ids(d.leader, `&unit=${d.unitA.id}&period=${thisMonth()}`)).toEqual([r.id]);
    expect(await ids(d.liaisonB)).toEqual([]);
    expect(await ids(d.otherTaskForce)).toEqual([]);
    expect((await api.get(d.publicist, '/api/reports')).statusCode).toBe(403);
    expect((await api.get(d.liaisonB, `/api/reports/${r.id}`)).statusCode).toBe(404);
    // One report by id follows the same rules as the list (the list filters in SQL, the detail on the row).
    const readers = [d.liaisonA, d.headA, d.liaisonB, d.headB, d.headBLiaisonA, d.taskForce, d.otherTaskForce, d.hq, d.leader];
    const agree = async () => {
      for (const who of readers) expect((await api.get(who, `/api/reports/${r.id}`)).statusCode === 200).toBe((await ids(who)).includes(r.id));
    };
    await agree();
    await api.step(d.headA, r.id, 'return', { reason: '补充数据' });
    await agree();
    const list = (await api.get(d.liaisonA, `/api/reports?item=${task.id}`)).json();
    expect(list.page).toEqual({ page: 1, perPage: 50, total: 1 });
    expect(list.policies).toMatchObject({ read: true, create: true, approve: false });
    const [row] = await h.db.database.db.select().from(reports).where(eq(reports.id, r.id));
    expect(row!.createdById).toBe(d.liaisonA.id);
  });
});
