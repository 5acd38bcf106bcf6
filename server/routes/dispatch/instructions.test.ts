import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { dispatchDeadline } from '../../testing/dispatchCalls.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { reportingApi, thisMonth } from '../../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District } from '../../testing/workFactories.js';

interface Listed {
  id: string;
  light: string;
  kind: string;
  subject: { type: string; id: string; title: string } | null;
  issuedByName: string | null;
  content: string;
  recipients: { unitId: string; status: string; answer: string | null; mayReply: boolean }[];
}

describe.each(DATABASE_KINDS)('leaders’ instructions (领导批示, issue 21 item 4) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const onSubject = async (who: District['leader'], type: string, id: string): Promise<Listed[]> => {
    const res = await api.get(who, `/api/instructions?subjectType=${type}&subjectId=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Listed[];
  };

  it('goes from the leader to the task’s units, is answered, and the leader reads the reply on the task', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }, { unitId: d.unitB.id, role: 'support' }]);
    const issued = (await api.write(d.leader, 'POST', '/api/instructions', { subjectType: 'task', subjectId: task.id, content: '  请加快进度，月底前见成效。 ' }, 200)).json().data;
    // Out at once, to both units of the task, due in three workdays, named after the task.
    expect(issued).toMatchObject({ kind: 'instruction', status: 'sent', content: '请加快进度，月底前见成效。', deadline: await dispatchDeadline(h.db.database), unitCount: 2, repliedCount: 0, light: 'green' });
    expect(issued.subject).toEqual({ type: 'task', id: task.id, title: task.title });
    expect(issued.issuedByName).toBeTruthy();
    const [record] = await h.db.database.db.select().from(auditLog).where(eq(auditLog.entityId, issued.id));
    expect(record).toMatchObject({ action: 'instruction.issued', actorId: d.leader.id });

    // Unit A sees it on the task and in its orders, its own row only, and replies.
    const seenByA = await onSubject(d.liaisonA, 'task', task.id);
    expect(seenByA.map((i) => i.id)).toEqual([issued.id]);
    expect(seenByA[0]!.recipients).toEqual([expect.objectContaining({ unitId: d.unitA.id, status: 'pending', mayReply: true })]);
    expect((await api.get(d.liaisonA, '/api/dispatches?kind=instruction')).json().data.map((x: { id: string }) => x.id)).toContain(issued.id);
    await api.write(d.liaisonA, 'POST', `/api/dispatches/${issued.id}/replies`, { answer: '已增派施工力量，月底前完成主体' }, 200);

    // The leader reads the reply where the 批示 was written; the office may chase the unit still silent.
    const [mine] = await onSubject(d.leader, 'task', task.id);
    expect(mine!.recipients.find((r) => r.unitId === d.unitA.id)).toMatchObject({ status: 'replied', answer: '已增派施工力量，月底前完成主体' });
    expect(mine!.recipients.find((r) => r.unitId === d.unitB.id)).toMatchObject({ status: 'pending' });
    // Its light follows the replies each reader sees: still waiting for B for the leader, done for A.
    expect(mine!.light).toBe('green');
    expect((await onSubject(d.liaisonA, 'task', task.id))[0]!.light).toBe('done');
    await api.write(d.hq, 'POST', `/api/dispatches/${issued.id}/chase`, { version: 0 }, 200);

    // A role that reads no orders asks without error and sees none.
    expect(await onSubject(d.taskForce, 'task', task.id)).toEqual([]);
  });

  it('goes to the unit that filed a report, and to the raising and resolver units of a blocker', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', blockers: [{ title: '征地拆迁未完成' }] })).json().data;
    const onReport = (await api.write(d.leader, 'POST', '/api/instructions', { subjectType: 'report', subjectId: report.id, content: '数据要实' }, 200)).json().data;
    expect(onReport.recipients.map((r: { unitId: string }) => r.unitId)).toEqual([d.unitA.id]);
    expect(onReport.subject.title).toBe(`${task.title} ${thisMonth()}`);

    const blockerId = report.blockers[0].id as string;
    const onBlocker = (await api.write(d.leader, 'POST', '/api/instructions', { subjectType: 'blocker', subjectId: blockerId, content: '抓紧协调', unitIds: [d.unitB.id] }, 200)).json().data;
    expect(onBlocker.recipients.map((r: { unitId: string }) => r.unitId)).toEqual([d.unitB.id]);
    expect(onBlocker.subject).toMatchObject({ type: 'blocker', id: blockerId, title: '征地拆迁未完成' });
  });

  it('is the leader’s alone, and refuses what it cannot be: naming the field, in the user’s language, writing nothing', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const body = { subjectType: 'task', subjectId: task.id, content: '请抓落实' };
    for (const who of [d.hq, d.taskForce, d.liaisonA, d.headA]) await api.write(who, 'POST', '/api/instructions', body, 403, 'forbidden');
    const unknown = await api.write(d.leader, 'POST', '/api/instructions', { ...body, subjectId: crypto.randomUUID() }, 422, 'instruction_subject_unknown');
    expect(unknown.json().error).toMatchObject({ message: '批示对象（任务）不存在', fields: { subjectId: expect.any(String) } });
    // A task nobody is answerable for yet: the leader must name the units.
    const loose = await makeTask(h.db.database, d.plan.id, []);
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, subjectId: loose.id }, 422, 'instruction_no_units');
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, content: '   ' }, 400, 'validation');
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, content: '请\uD800抓落实' }, 400);
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, content: '请\u0007抓落实' }, 400);
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, subjectType: 'plan' }, 400, 'validation');
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, unitIds: [crypto.randomUUID()] }, 422, 'dispatch_unit_unknown');
    await api.write(d.leader, 'POST', '/api/instructions', { ...body, deadline: '2020-01-02' }, 422, 'dispatch_deadline_past');
    const res = await api.call(d.liaisonA, 'GET', `/api/instructions?subjectType=task&subjectId=not-a-uuid`);
    expect(res.statusCode).toBe(400);
  });
});
