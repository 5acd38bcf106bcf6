import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, plans, tasks } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { dispatchDeadline } from '../../testing/dispatchCalls.js';
import { docxText } from '../../testing/docxText.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { reportingApi } from '../../testing/reportingCalls.js';
import { makeUnit } from '../../testing/factories.js';
import { makePlan, makeDistrict, makeTask, type District } from '../../testing/workFactories.js';

interface Detail {
  id: string;
  status: string;
  version: number;
  units: { id: string; name: string }[];
  agenda: {
    id: string;
    kind: string;
    title: string;
    subjectName: string | null;
    planStatus: string | null;
    outcome: string | null;
    version: number;
    mayDecide: boolean;
    snapshot: { counts: Record<string, number>; items: { code: string; light: string; reasons: string[] }[]; subjectName: string } | null;
  }[];
  decisions: { id: string; kind: string; content: string; unitNames: string[]; deadline: string; light: string; unitCount: number; repliedCount: number; subject: { type: string; id: string } }[];
}

describe.each(DATABASE_KINDS)('meetings (issue 21 item 6) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const detail = async (who: District['hq'], id: string): Promise<Detail> => {
    const res = await api.get(who, `/api/meetings/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Detail;
  };
  const download = async (who: District['hq'], url: string) => {
    const res = await api.call(who, 'GET', url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    return docxText(res.rawPayload);
  };

  it('hears a task force (frozen), approves a plan under review, and records a decision that is tracked to reply; pack and minutes as .docx', async () => {
    const red = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    await h.db.database.db
      .update(tasks)
      .set({ light: 'red', lightReasons: [{ code: 'overdue', params: { workdays: 3, deadline: '2026-11-30' } }] })
      .where(eq(tasks.id, red.id));
    const reviewed = await makePlan(h.db.database, d.program.id, { status: 'under_review', title: '营商环境优化提升专项行动方案' });

    const created = (
      await api.write(d.hq, 'POST', '/api/meetings', { kind: 'leading_group', title: '领导小组第五次会议', heldOn: '2026-12-08', place: '区政府三楼会议室', unitIds: [d.unitA.id, d.unitB.id] }, 200)
    ).json().data as Detail;
    expect(created.units.map((u) => u.id).sort()).toEqual([d.unitA.id, d.unitB.id].sort());
    const url = `/api/meetings/${created.id}`;

    // 听取汇报: the task force's status, frozen into the agenda item.
    const heard = (await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'hearing', title: '听取专项推进组工作汇报', bodyId: d.tfBody.id }, 200)).json().data as Detail;
    const hearing = heard.agenda[0]!;
    expect(hearing.subjectName).toBe(d.tfBody.name);
    expect(hearing.snapshot!.counts.red).toBeGreaterThanOrEqual(1);
    expect(hearing.snapshot!.items.find((i) => i.code === red.code)).toMatchObject({ light: 'red', reasons: ['已逾期3个工作日（期限2026-11-30）'] });
    const redBefore = hearing.snapshot!.counts.red!;
    // What happens after the meeting heard it does not change what it heard …
    await h.db.database.db.update(tasks).set({ light: 'green', lightReasons: [] }).where(eq(tasks.id, red.id));
    expect((await detail(d.leader, created.id)).agenda[0]!.snapshot!.counts.red).toBe(redBefore);
    // … until the office takes it again.
    const again = (await api.write(d.hq, 'POST', `${url}/agenda/${hearing.id}/snapshot`, { version: hearing.version }, 200)).json().data as Detail;
    expect(again.agenda[0]!.snapshot!.counts.red).toBe(redBefore - 1);

    // 审议: the meeting approves the plan under review; the plan says which meeting decided it.
    const withReview = (await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'review', title: '审议营商环境方案', planId: reviewed.id }, 200)).json().data as Detail;
    const review = withReview.agenda.find((a) => a.kind === 'review')!;
    expect(review).toMatchObject({ planStatus: 'under_review', mayDecide: true, outcome: null });
    expect((await detail(d.leader, created.id)).agenda.find((a) => a.kind === 'review')!.mayDecide).toBe(false);
    const decided = (await api.write(d.hq, 'POST', `${url}/agenda/${review.id}/outcome`, { version: review.version, outcome: 'approved' }, 200)).json().data as Detail;
    expect(decided.agenda.find((a) => a.kind === 'review')).toMatchObject({ outcome: 'approved', planStatus: 'approved', mayDecide: false });
    const [plan] = await h.db.database.db.select().from(plans).where(eq(plans.id, reviewed.id));
    expect(plan).toMatchObject({ status: 'approved', decisionRef: '领导小组第五次会议（2026-12-08）' });
    const [step] = await h.db.database.db.select().from(auditLog).where(eq(auditLog.entityId, reviewed.id));
    expect(step).toMatchObject({ action: 'plan.approved' });
    // Decided once: again is refused, and so is a plan no longer under review.
    await api.write(d.hq, 'POST', `${url}/agenda/${review.id}/outcome`, { version: review.version + 1, outcome: 'returned', reason: '再议' }, 409, 'agenda_outcome_recorded');
    await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'review', title: '再审', planId: reviewed.id }, 422, 'agenda_plan_not_under_review');

    // 议定事项: out to unit A at once, with a light; A replies from its orders; the meeting shows it.
    const deadline = await dispatchDeadline(h.db.database);
    const withDecision = (await api.write(d.hq, 'POST', `${url}/decisions`, { content: '年底前完成征拆交地', unitIds: [d.unitA.id], deadline }, 200)).json().data as Detail;
    const decision = withDecision.decisions[0]!;
    expect(decision).toMatchObject({ kind: 'decision', content: '年底前完成征拆交地', unitNames: [d.unitA.name], deadline, light: 'green', unitCount: 1, repliedCount: 0 });
    expect(decision.subject).toMatchObject({ type: 'meeting', id: created.id });
    const listedForA = (await api.get(d.liaisonA, '/api/dispatches?kind=decision')).json().data as { id: string }[];
    expect(listedForA.map((x) => x.id)).toContain(decision.id);
    await api.write(d.liaisonA, 'POST', `/api/dispatches/${decision.id}/replies`, { answer: '已完成交地 120 亩' }, 200);
    expect((await detail(d.hq, created.id)).decisions[0]).toMatchObject({ repliedCount: 1, light: 'done' });
    // A leader's 批示 on the decision goes to the units that own it, named after it.
    const onDecision = (await api.write(d.leader, 'POST', '/api/instructions', { subjectType: 'decision', subjectId: decision.id, content: '交地后抓紧开工' }, 200)).json().data;
    expect(onDecision).toMatchObject({ kind: 'instruction', subject: { type: 'decision', id: decision.id, title: '年底前完成征拆交地' } });
    expect(onDecision.recipients.map((r: { unitId: string }) => r.unitId)).toEqual([d.unitA.id]);

    // The pack holds the agenda and the frozen status; the minutes (a draft while open) the decision.
    const pack = await download(d.leader, `${url}/pack.docx`);
    expect(pack).toContain('领导小组第五次会议');
    expect(pack).toContain('一、听取汇报：听取专项推进组工作汇报');
    expect(pack).toContain(`红灯 ${redBefore - 1} 项`);
    const draft = await download(d.hq, `${url}/minutes.docx`);
    expect(draft).toContain('（草稿）');

    const before = await detail(d.hq, created.id);
    const closed = (await api.write(d.hq, 'POST', `${url}/close`, { version: before.version }, 200)).json().data as Detail;
    expect(closed.status).toBe('closed');
    const listed = ((await api.get(d.leader, '/api/meetings?status=closed')).json().data as { id: string; agendaCount: number; decisionCount: number }[]).find((x) => x.id === created.id);
    expect(listed).toMatchObject({ agendaCount: 2, decisionCount: 1 });
    // Found by a word of its title, and not by another; a % in the words is a character, not a wildcard.
    const found = async (q: string) => ((await api.get(d.leader, `/api/meetings?perPage=200&q=${encodeURIComponent(q)}`)).json().data as { id: string }[]).map((m) => m.id);
    expect(await found('第五次')).toContain(created.id);
    expect(await found('第九十九次')).not.toContain(created.id);
    expect(await found('%')).not.toContain(created.id);
    const minutes = await download(d.hq, `${url}/minutes.docx`);
    expect(minutes).not.toContain('（草稿）');
    expect(minutes).toContain('2026年12月8日，领导小组会议在区政府三楼会议室召开。');
    expect(minutes).toContain(`一、年底前完成征拆交地（责任单位：${d.unitA.name}；完成时限：`);
    expect(minutes).toContain('营商环境审议：审议通过'.replace('营商环境审议', '审议营商环境方案'));

    // Closed: nothing more is decided or changed, with the reason.
    const refused = await api.write(d.hq, 'POST', `${url}/decisions`, { content: '补充事项', unitIds: [d.unitB.id], deadline }, 409, 'meeting_closed');
    expect(refused.json().error.message).toContain('会议纪要已印发');
    await api.write(d.hq, 'PATCH', url, { version: closed.version, place: '改' }, 409, 'meeting_closed');
    await api.write(d.hq, 'POST', `${url}/close`, { version: closed.version }, 409, 'meeting_closed');
  });

  it('lets a task force run its own meetings only, and hear only what is its own', async () => {
    const mine = (await api.write(d.taskForce, 'POST', '/api/meetings', { kind: 'task_force', title: '专项推进组周例会', heldOn: '2026-12-09', bodyId: d.tfBody.id }, 200)).json().data as Detail;
    await api.write(d.taskForce, 'POST', '/api/meetings', { kind: 'task_force', title: '别组的会', heldOn: '2026-12-09', bodyId: d.otherTfBody.id }, 403, 'meeting_body_not_yours');
    await api.write(d.taskForce, 'POST', '/api/meetings', { kind: 'leading_group', title: '领导小组会议', heldOn: '2026-12-09' }, 403, 'meeting_kind_not_yours');
    const url = `/api/meetings/${mine.id}`;
    // Its own status, and a unit's items in its plans, it may hear; another task force it may not.
    await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }]);
    await api.write(d.taskForce, 'POST', `${url}/agenda`, { kind: 'hearing', title: '听取建设街道汇报', unitId: d.unitB.id }, 200);
    const other = await api.write(d.taskForce, 'POST', `${url}/agenda`, { kind: 'hearing', title: '听取别组汇报', bodyId: d.otherTfBody.id }, 403, 'agenda_hearing_other_task_force');
    expect(other.json().error.message).toContain('指挥部或领导小组会议');
    // A unit with nothing in its plans has nothing to report there (its other work is not the task force's to read).
    const stranger = await makeUnit(h.db.database, { regionId: d.region.id });
    await makeTask(h.db.database, d.loosePlan.id, [{ unitId: stranger.id }]);
    const nothing = await api.write(d.taskForce, 'POST', `${url}/agenda`, { kind: 'hearing', title: '听取', unitId: stranger.id }, 422, 'agenda_hearing_nothing');
    expect(nothing.json().error.fields).toHaveProperty('unitId');
    await api.write(d.taskForce, 'POST', `${url}/agenda`, { kind: 'review', title: '审议', planId: d.plan.id }, 422, 'agenda_review_leading_group');
    // Another task force neither reads nor runs it; the office and the leader read it; the office may act on it.
    expect((await api.get(d.otherTaskForce, url)).statusCode).toBe(404);
    await api.write(d.otherTaskForce, 'POST', `${url}/close`, {}, 404);
    expect((await api.get(d.leader, url)).statusCode).toBe(200);
    expect(((await api.get(d.otherTaskForce, '/api/meetings')).json().data as { id: string }[]).map((m) => m.id)).not.toContain(mine.id);
    await api.write(d.hq, 'PATCH', url, { version: (await detail(d.hq, mine.id)).version, attendees: '组长、副组长及成员单位分管负责同志' }, 200);
    // The leading group's meetings are the office's: a task force reads none of them.
    const lg = (await api.write(d.hq, 'POST', '/api/meetings', { kind: 'leading_group', title: '领导小组会议', heldOn: '2026-12-10' }, 200)).json().data as Detail;
    expect((await api.get(d.taskForce, `/api/meetings/${lg.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, in the user’s language, and writes nothing', async () => {
    const base = { kind: 'leading_group', title: '领导小组会议', heldOn: '2026-12-08' };
    const noBody = await api.write(d.hq, 'POST', '/api/meetings', { ...base, kind: 'task_force' }, 400, 'validation');
    expect(noBody.json().error.fields).toHaveProperty('bodyId');
    await api.write(d.hq, 'POST', '/api/meetings', { ...base, title: '领导\uD800小组' }, 400);
    await api.write(d.hq, 'POST', '/api/meetings', { ...base, title: '领导\u0007小组' }, 400);
    await api.write(d.hq, 'POST', '/api/meetings', { ...base, heldOn: '2026-02-30' }, 400, 'validation');
    await api.write(d.hq, 'POST', '/api/meetings', { ...base, unitIds: [crypto.randomUUID()] }, 422, 'meeting_unit_unknown');
    await api.write(d.hq, 'POST', '/api/meetings', { ...base, kind: 'task_force', bodyId: crypto.randomUUID() }, 422, 'meeting_body_unknown');
    const m = (await api.write(d.hq, 'POST', '/api/meetings', base, 200)).json().data as Detail;
    const url = `/api/meetings/${m.id}`;
    const deadline = await dispatchDeadline(h.db.database);
    await api.write(d.hq, 'POST', `${url}/decisions`, { content: '事项', unitIds: [], deadline }, 400, 'validation');
    await api.write(d.hq, 'POST', `${url}/decisions`, { content: '事项', unitIds: [d.unitA.id], deadline: '2020-01-02' }, 422, 'dispatch_deadline_past');
    await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'hearing', title: '听取' }, 400, 'validation');
    await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'hearing', title: '听取', unitId: d.unitA.id, bodyId: d.tfBody.id }, 400, 'validation');
    await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'review', title: '审议', planId: crypto.randomUUID() }, 422, 'agenda_plan_unknown');
    const item = (await api.write(d.hq, 'POST', `${url}/agenda`, { kind: 'deployment', title: '研究部署' }, 200)).json().data.agenda[0];
    await api.write(d.hq, 'POST', `${url}/agenda/${item.id}/outcome`, { version: item.version, outcome: 'returned' }, 400, 'validation');
    await api.write(d.hq, 'POST', `${url}/agenda/${item.id}/outcome`, { version: item.version, outcome: 'approved' }, 422, 'agenda_not_review');
    await api.write(d.hq, 'POST', `${url}/agenda/${item.id}/snapshot`, {}, 422, 'agenda_not_hearing');
    await api.write(d.hq, 'PATCH', `${url}/agenda/${item.id}`, { version: item.version + 5, note: '旧版本' }, 409, 'version_conflict');
    await api.write(d.hq, 'DELETE', `${url}/agenda/${crypto.randomUUID()}`, undefined, 404);
    const en = await api.call(d.hq, 'POST', `${url}/decisions`, { content: '事项', unitIds: [crypto.randomUUID()], deadline });
    expect(en.statusCode).toBe(422);
    expect((await api.call(d.hq, 'GET', '/api/meetings/%2e%2e%2fadmin')).statusCode).toBe(400);
  });
});
