import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateWorkdays } from '../../../domain/dispatch.js';
import { auditLog } from '../../db/schema/index.js';
import { loadCalendar } from '../../queries/calendar.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { docxText } from '../../testing/docxText.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { makeInspection, makeLedgerEntry } from '../../testing/inspectionCalls.js';
import { dayFrom, reportingApi, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makePerson, makeTask, type District, type Person } from '../../testing/workFactories.js';

/** Every bulletin and notice test shares one harness per database (the suite's time is short). */
describe.each(DATABASE_KINDS)('督查通报 and 催办单/督办单 on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let inspector: Person;
  let sysadmin: Person;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    inspector = await makePerson(h.app, h.db.database, [{ role: 'inspector' }], d.unitB.id);
    sysadmin = await makePerson(h.app, h.db.database, [{ role: 'sysadmin' }], d.unitB.id);
  });
  afterAll(async () => h?.close());

  const auditOf = async (entity: string, id: string) =>
    h.db.database.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)));
  const download = (who: Person, url: string) => api.call(who, 'GET', url);

  it('writes a draft from the campaign’s ledger and lights, lets the inspector edit it, and freezes it when issued', async () => {
    const campaign = await makeInspection(h.db.database, [d.unitA.id, d.unitB.id], { title: '第四季度常态化督导检查', periodFrom: dayFrom(-40), periodTo: dayFrom(10) });
    const over = { inspectionId: campaign.id };
    await makeLedgerEntry(h.db.database, d.unitA.id, { over: { ...over, finding: '老旧小区改造进度滞后', requirement: '倒排工期', deadline: dayFrom(-10) } });
    await makeLedgerEntry(h.db.database, d.unitB.id, { status: 'closed', over: { ...over, finding: '台账更新不及时', closedAt: new Date(), rectifiedAt: new Date(Date.now() - 86_400_000 * 30), deadline: dayFrom(5) } });
    await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { light: 'red', leadUnitId: d.unitA.id, lightReasons: [{ code: 'overdue', level: 'red', params: { workdays: 4 } }] });

    const made = (await api.write(inspector, 'POST', '/api/bulletins', { periodFrom: dayFrom(-30), periodTo: today(), inspectionId: campaign.id }, 200)).json();
    const id = made.data.id as string;
    expect(made.data).toMatchObject({ status: 'draft', inspectionId: campaign.id, inspectionTitle: campaign.title, title: `关于${campaign.title}情况的通报`, sha256: null, version: 0 });
    expect(made.data.docNumber).toMatch(/^督通〔\d{4}〕\d+号$/);
    expect(made.data.issuer).toMatch(/督查室$/);
    expect(made.policies).toEqual({ read: true, update: true, issue: true });
    const [inspected, praised, late, toRectify] = made.data.sections;
    expect(inspected.paragraphs[0]).toContain('“第四季度常态化督导检查”（常态化督导检查，2个单位）');
    expect(inspected.paragraphs[0]).toContain('共发现问题2个，涉及2个单位，其中组织实施方面2个');
    expect(praised.paragraphs).toContain(`${d.unitB.name}：整改到位并销号问题1个，其中按期完成整改1个。`);
    const lateBy = lateWorkdays(await loadCalendar(h.db.database.db), dayFrom(-10), today());
    expect(late.subsections[0].paragraphs).toEqual([`${d.unitA.name}：1个问题超过整改期限仍未完成整改，最长逾期${lateBy}个工作日。`]);
    expect(late.subsections[1].paragraphs).toEqual([`${d.unitA.name}：红灯事项1项，逾期事项1项。`]);
    expect(toRectify.paragraphs[1]).toMatch(new RegExp(`^1\\. ${d.unitA.name}：老旧小区改造进度滞后。整改要求：倒排工期。整改期限：.*（已逾期）。$`));

    // Units do not see a draft; the office and leaders do.
    expect((await api.get(d.liaisonA, `/api/bulletins/${id}`)).statusCode).toBe(404);
    expect((await download(d.liaisonA, `/api/bulletins/${id}.docx`)).statusCode).toBe(404);
    expect((await api.get(d.liaisonA, '/api/bulletins')).json().data.map((b: { id: string }) => b.id)).not.toContain(id);
    expect((await api.get(d.hq, `/api/bulletins/${id}`)).json().policies).toEqual({ read: true, update: false, issue: false });
    expect((await api.get(d.leader, `/api/bulletins?status=draft`)).json().data.map((b: { id: string }) => b.id)).toContain(id);
    // The draft's preview says so.
    const preview = await download(inspector, `/api/bulletins/${id}.docx`);
    expect(preview.headers['content-type']).toContain('wordprocessingml');
    expect((await docxText(preview.rawPayload)).split('\n')).toContain('（草稿，未签发）');

    const sections = [{ heading: '督查基本情况', paragraphs: ['本季度共督查2个单位。'], subsections: [] }, ...made.data.sections.slice(1)];
    const edited = (await api.write(inspector, 'PATCH', `/api/bulletins/${id}`, { version: 0, docNumber: '督通〔2026〕7号', cc: '区委办公室，区政府办公室', sections }, 200)).json().data;
    expect(edited).toMatchObject({ docNumber: '督通〔2026〕7号', cc: '区委办公室，区政府办公室', version: 1 });
    expect(edited.sections[0].paragraphs).toEqual(['本季度共督查2个单位。']);
    await api.write(inspector, 'PATCH', `/api/bulletins/${id}`, { version: 0, title: '旧版本' }, 409, 'version_conflict');
    const badNumber = await api.write(inspector, 'PATCH', `/api/bulletins/${id}`, { version: 1, docNumber: '督通[2026]7号' }, 400, 'validation');
    expect(badNumber.json().error.message).toContain('发文字号');
    expect(badNumber.json().error.message).toContain('〔');
    const surrogate = await api.write(inspector, 'PATCH', `/api/bulletins/${id}`, { version: 1, title: 'x\ud800' }, 400, 'validation');
    expect(surrogate.json().error.message).toContain('名称');
    const control = await api.write(inspector, 'PATCH', `/api/bulletins/${id}`, { version: 1, cc: '区委\u0007办' }, 400, 'validation');
    expect(control.json().error.message).toContain('抄送');
    await api.write(d.hq, 'PATCH', `/api/bulletins/${id}`, { version: 1, title: '越权' }, 403, 'forbidden');

    const issued = (await api.write(inspector, 'POST', `/api/bulletins/${id}/issue`, { version: 1 }, 200)).json();
    expect(issued.data).toMatchObject({ status: 'issued', issuedById: inspector.id, version: 2 });
    expect(issued.policies).toEqual({ read: true, update: false, issue: false });
    // The frozen bytes: served as stored, their SHA-256 on the row and in the audit record.
    const file = await download(d.liaisonA, `/api/bulletins/${id}.docx`);
    expect(file.statusCode).toBe(200);
    const sha = createHash('sha256').update(file.rawPayload).digest('hex');
    expect(sha).toBe(issued.data.sha256);
    expect(createHash('sha256').update((await download(inspector, `/api/bulletins/${id}.docx`)).rawPayload).digest('hex')).toBe(sha);
    const lines = (await docxText(file.rawPayload)).split('\n');
    expect(lines).toContain('督通〔2026〕7号');
    expect(lines).toContain('本季度共督查2个单位。');
    expect(lines).toContain('抄送：区委办公室，区政府办公室。');
    expect(lines).not.toContain('（草稿，未签发）');
    const records = await auditOf('bulletin', id);
    expect(records.map((r) => r.action).sort()).toEqual(['bulletin.created', 'bulletin.issued', 'bulletin.updated']);
    expect((records.find((r) => r.action === 'bulletin.issued')!.after as { sha256: string }).sha256).toBe(sha);

    // Frozen: no edit, no second issue (a replay), each with its reason.
    const frozen = await api.write(inspector, 'PATCH', `/api/bulletins/${id}`, { version: 2, title: '改' }, 409, 'bulletin_issued');
    expect(frozen.json().error.message).toContain('已签发');
    await api.write(inspector, 'POST', `/api/bulletins/${id}/issue`, { version: 1 }, 409, 'version_conflict');
    await api.write(inspector, 'POST', `/api/bulletins/${id}/issue`, {}, 409, 'bulletin_issued');
    // Units read it now.
    expect((await api.get(d.liaisonB, `/api/bulletins/${id}`)).json()).toMatchObject({ data: { status: 'issued' }, policies: { read: true, update: false, issue: false } });
    expect((await api.get(d.liaisonB, '/api/bulletins')).json().data.map((b: { id: string }) => b.id)).toContain(id);
  });

  it('refuses an empty bulletin, a bad period or campaign, and whoever may not write or read bulletins', async () => {
    const made = (await api.write(inspector, 'POST', '/api/bulletins', { periodFrom: dayFrom(-10), periodTo: today() }, 200)).json().data;
    expect(made.title).toMatch(/^关于.*督查情况的通报$/);
    const blank = [{ heading: '督查基本情况', paragraphs: ['  '], subsections: [{ heading: '小节', paragraphs: [] }] }];
    await api.write(inspector, 'PATCH', `/api/bulletins/${made.id}`, { version: 0, sections: blank }, 200);
    const empty = await api.write(inspector, 'POST', `/api/bulletins/${made.id}/issue`, { version: 1 }, 422, 'bulletin_empty');
    expect(empty.json().error.message).toContain('没有正文');
    await api.write(inspector, 'PATCH', `/api/bulletins/${made.id}`, { version: 1, sections: [] }, 200);
    await api.write(inspector, 'POST', `/api/bulletins/${made.id}/issue`, {}, 422, 'bulletin_empty');

    await api.write(inspector, 'POST', '/api/bulletins', { periodFrom: today(), periodTo: dayFrom(-1) }, 400, 'validation');
    await api.write(inspector, 'POST', '/api/bulletins', { periodFrom: dayFrom(-1), periodTo: today(), inspectionId: randomUUID() }, 422, 'reference_invalid');
    await api.write(d.hq, 'POST', '/api/bulletins', { periodFrom: dayFrom(-1), periodTo: today() }, 403, 'forbidden');
    await api.write(d.hq, 'POST', `/api/bulletins/${made.id}/issue`, {}, 403, 'forbidden');
    await api.write(d.liaisonA, 'POST', `/api/bulletins/${made.id}/issue`, {}, 403, 'forbidden');
    await api.write(inspector, 'POST', `/api/bulletins/${randomUUID()}/issue`, {}, 404, 'not_found');
    for (const who of [sysadmin, d.publicist, d.taskForce]) expect((await api.get(who, '/api/bulletins')).statusCode).toBe(403);
    expect((await download(sysadmin, `/api/bulletins/${made.id}.docx`)).statusCode).toBe(403);
  });

  it('gives every bulletin a 文号 of its own: drafts made at once, after one renumbered by hand, and never one taken', async () => {
    const draft = () => api.write(inspector, 'POST', '/api/bulletins', { periodFrom: dayFrom(-10), periodTo: today() }, 200).then((r) => r.json().data as { id: string; docNumber: string });
    const first = await draft();
    const [, year, n] = /^(督通〔\d{4}〕)(\d+)号$/.exec(first.docNumber)!;
    // Renumbered ahead by hand: the next ones go past it, not back to a number taken.
    const ahead = `${year}${Number(n) + 5}号`;
    await api.write(inspector, 'PATCH', `/api/bulletins/${first.id}`, { version: 0, docNumber: ahead }, 200);
    // Three at once (api.write counts audit records per call, so these go out bare).
    const bare = () => api.call(inspector, 'POST', '/api/bulletins', { periodFrom: dayFrom(-10), periodTo: today() });
    const together = (await Promise.all([bare(), bare(), bare()])).map((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json().data as { id: string; docNumber: string };
    });
    expect(together.map((b) => b.docNumber).sort()).toEqual([6, 7, 8].map((k) => `${year}${Number(n) + k}号`).sort());
    // Typing a number another bulletin carries is refused, naming the field.
    const taken = await api.write(inspector, 'PATCH', `/api/bulletins/${together[0]!.id}`, { version: 0, docNumber: ahead }, 409, 'duplicate');
    expect(Object.keys(taken.json().error.fields)).toEqual(['docNumber']);
    expect(taken.json().error.message).toContain(ahead);
  });

  it('sends a notice whose kind and colour follow the lateness, to the late unit only, which acknowledges it once', async () => {
    const cal = await loadCalendar(h.db.database.db);
    // Deadlines that make the entries 1–5, 6–10 and 11+ workdays late.
    const lateBy = (n: number) => cal.addWorkdays(today(), -n);
    const entries = await Promise.all([2, 7, 15].map((n) => makeLedgerEntry(h.db.database, d.unitA.id, { status: 'rectifying', over: { deadline: lateBy(n), finding: `问题${n}` } })));
    const sent = [];
    for (const e of entries) sent.push((await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'ledger', id: e.id }, note: '请高度重视' }, 200)).json());
    expect(sent.map((s) => [s.data.kind, s.data.colour])).toEqual([['urge', 'blue'], ['supervise', 'yellow'], ['supervise', 'red']]);
    expect(sent.map((s) => s.data.workdaysLate)).toEqual([lateWorkdays(cal, lateBy(2), today()), lateWorkdays(cal, lateBy(7), today()), lateWorkdays(cal, lateBy(15), today())]);
    const first = sent[0]!.data;
    expect(first).toMatchObject({ unitId: d.unitA.id, unitName: d.unitA.name, subjectType: 'ledger', subjectTitle: '问题2', status: 'sent', replyBy: cal.addWorkdays(today(), 3), note: '请高度重视' });
    expect(first.docNumber).toMatch(/^督催〔\d{4}〕\d+号$/);
    expect(sent[2]!.data.docNumber).toMatch(/^督办〔\d{4}〕\d+号$/);
    expect(first.content).toContain('已逾期');

    // An overdue task's notice goes to its lead unit (the office may send one too).
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }], { light: 'red', leadUnitId: d.unitB.id, lightReasons: [{ code: 'overdue', level: 'red', params: { workdays: 12, deadline: dayFrom(-20) } }] });
    const onTask = (await api.write(d.hq, 'POST', '/api/notices', { subject: { type: 'task', id: task.id }, replyBy: dayFrom(5) }, 200)).json().data;
    expect(onTask).toMatchObject({ kind: 'supervise', colour: 'red', unitId: d.unitB.id, subjectTitle: task.title, workdaysLate: 12, replyBy: dayFrom(5) });

    // Not late, unknown, in the past: refused with a reason naming the field.
    const onTime = await makeLedgerEntry(h.db.database, d.unitA.id, { over: { deadline: dayFrom(3) } });
    const notLate = await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'ledger', id: onTime.id } }, 422, 'notice_not_late');
    expect(notLate.json().error.fields).toHaveProperty(['subject.id']);
    const submitted = await makeLedgerEntry(h.db.database, d.unitA.id, { status: 'submitted', over: { deadline: lateBy(9) } });
    await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'ledger', id: submitted.id } }, 422, 'notice_not_late');
    const green = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { light: 'green' });
    await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'task', id: green.id } }, 422, 'notice_not_late');
    await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'ledger', id: randomUUID() } }, 422, 'notice_subject_unknown');
    await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'project', id: task.id } }, 422, 'notice_subject_unknown');
    await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'ledger', id: entries[0]!.id }, replyBy: dayFrom(-1) }, 422, 'notice_reply_by_past');
    const bad = await api.write(inspector, 'POST', '/api/notices', { subject: { type: 'ledger', id: entries[0]!.id }, note: '\u0000' }, 400, 'validation');
    expect(bad.json().error.message).toContain('补充说明');
    await api.write(d.liaisonA, 'POST', '/api/notices', { subject: { type: 'ledger', id: entries[0]!.id } }, 403, 'forbidden');
    await api.write(d.leader, 'POST', '/api/notices', { subject: { type: 'ledger', id: entries[0]!.id } }, 403, 'forbidden');

    // Units see their own notices only; filters by kind, colour, status, subject.
    const ids = async (who: Person, q = '') => (await api.get(who, `/api/notices?perPage=100${q}`)).json().data.map((n: { id: string }) => n.id);
    expect(await ids(d.liaisonA)).toEqual(expect.arrayContaining(sent.map((s) => s.data.id)));
    expect(await ids(d.liaisonA)).not.toContain(onTask.id);
    expect(await ids(d.headB)).toEqual([onTask.id]);
    expect(await ids(inspector, `&unit=${d.unitA.id}&colour=yellow`)).toEqual([sent[1]!.data.id]);
    expect(await ids(inspector, `&unit=${d.unitA.id}&kind=urge`)).toEqual([first.id]);
    expect(await ids(d.leader, `&subjectId=${task.id}`)).toEqual([onTask.id]);
    expect((await api.get(d.liaisonB, `/api/notices/${first.id}`)).statusCode).toBe(404);
    expect((await download(d.liaisonB, `/api/notices/${first.id}.docx`)).statusCode).toBe(404);
    expect((await api.get(d.taskForce, '/api/notices')).statusCode).toBe(403);

    // The .docx: the official layout, its colour and kind in the title.
    const doc = await download(d.liaisonA, `/api/notices/${sent[2]!.data.id}.docx`);
    const lines = (await docxText(doc.rawPayload)).split('\n');
    expect(lines).toContain('督办单');
    expect(lines).toContain('【红色督办单】');
    expect(lines).toContain(`${d.unitA.name}：`);
    expect(lines).toContain(sent[2]!.data.content);

    // Another unit may not acknowledge; the unit does, once; a replay is refused.
    expect((await api.get(d.liaisonA, `/api/notices/${first.id}`)).json().policies).toEqual({ acknowledge: true });
    await api.write(d.liaisonB, 'POST', `/api/notices/${first.id}/acknowledge`, {}, 404, 'not_found');
    const byHeadB = await api.write(d.headBLiaisonA, 'POST', `/api/notices/${onTask.id}/acknowledge`, { version: 0 }, 200);
    expect(byHeadB.json().data).toMatchObject({ status: 'acknowledged', acknowledgedById: d.headBLiaisonA.id });
    await api.write(inspector, 'POST', `/api/notices/${first.id}/acknowledge`, {}, 403, 'forbidden');
    const acked = (await api.write(d.headA, 'POST', `/api/notices/${first.id}/acknowledge`, { version: 0 }, 200)).json();
    expect(acked.data).toMatchObject({ status: 'acknowledged', acknowledgedById: d.headA.id, version: 1 });
    expect(acked.policies).toEqual({ acknowledge: false });
    await api.write(d.liaisonA, 'POST', `/api/notices/${first.id}/acknowledge`, { version: 0 }, 409, 'version_conflict');
    const replay = await api.write(d.liaisonA, 'POST', `/api/notices/${first.id}/acknowledge`, {}, 409, 'notice_step_invalid');
    expect(replay.json().error.message).toContain('已签收');
    expect(await ids(inspector, `&unit=${d.unitA.id}&status=acknowledged`)).toEqual([first.id]);
    expect((await auditOf('notice', first.id)).map((r) => r.action).sort()).toEqual(['notice.acknowledged', 'notice.issued']);
  });
});
