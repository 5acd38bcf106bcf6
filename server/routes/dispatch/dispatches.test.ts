import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { dispatchDeadline } from '../../testing/dispatchCalls.js';
import { loginAs, makeUnit, makeUser } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { dayFrom, reportingApi } from '../../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District, type Person } from '../../testing/workFactories.js';
import { readXlsx } from '../../testing/xlsx.js';

const COLUMNS = [
  { key: 'jobs', label: '新增就业', unit: '人' },
  { key: 'invest', label: '完成投资', unit: '万元' },
];

describe.each(DATABASE_KINDS)('dispatch orders (调度令) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let liaisonC: Person;
  let unitC: { id: string; name: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    unitC = await makeUnit(h.db.database, { regionId: d.region.id });
    const u = await makeUser(h.db.database, [{ role: 'liaison', unitId: unitC.id }], { unitId: unitC.id });
    liaisonC = { id: u.id, session: await loginAs(h.app, u) };
  });
  afterAll(async () => h?.close());

  const create = async (body: Record<string, unknown> = {}) =>
    (await api.write(d.hq, 'POST', '/api/dispatches', { kind: 'figures', title: '报送本周新增就业和完成投资', content: '请如实填报。', columns: COLUMNS, unitIds: [d.unitA.id, d.unitB.id], ...body }, 200)).json();
  const step = (who: Person, id: string, action: 'send' | 'chase' | 'close', status = 200, code?: string, body: Record<string, unknown> = {}) =>
    api.write(who, 'POST', `/api/dispatches/${id}/${action}`, body, status, code);
  const reply = (who: Person, id: string, body: Record<string, unknown>, status = 200, code?: string) => api.write(who, 'POST', `/api/dispatches/${id}/replies`, body, status, code);

  it('is sent to two units, answered by both, seen whole by the office and exported to .xlsx', async () => {
    const created = await create();
    const id = created.data.id as string;
    expect(created.data).toMatchObject({ status: 'draft', deadline: await dispatchDeadline(h.db.database), unitCount: 2, repliedCount: 0 });
    expect(created.policies).toMatchObject({ update: true, send: true, chase: false, close: false, reply: false });
    // A draft is the office's: the units do not see it.
    expect((await api.get(d.liaisonA, `/api/dispatches/${id}`)).statusCode).toBe(404);
    expect((await api.get(d.liaisonA, '/api/dispatches')).json().data.map((x: { id: string }) => x.id)).not.toContain(id);
    await reply(d.liaisonA, id, { figures: { jobs: '1', invest: '1' } }, 404, 'not_found');

    const sent = await step(d.hq, id, 'send', 200, undefined, { version: 0 });
    expect(sent.json().data).toMatchObject({ status: 'sent' });
    expect(sent.json().data.sentAt).not.toBeNull();

    // A unit sees the order and its own row only.
    const seenByA = (await api.get(d.liaisonA, `/api/dispatches/${id}`)).json();
    expect(seenByA.data.recipients.map((r: { unitId: string }) => r.unitId)).toEqual([d.unitA.id]);
    expect(seenByA.data.recipients[0]).toMatchObject({ status: 'pending', mayReply: true });
    expect(seenByA.policies).toMatchObject({ reply: true, chase: false, export: false });

    await reply(d.liaisonA, id, { answer: '按计划推进', figures: { jobs: '12', invest: '350.50' } });
    await reply(d.headB, id, { figures: { jobs: '8', invest: '0.1' } });
    // Amended while the order is open: the reply table keeps the last one.
    await reply(d.liaisonA, id, { answer: '已核实', figures: { jobs: '13', invest: '350.5' }, version: 1 });
    await reply(d.liaisonA, id, { answer: '旧版本', figures: { jobs: '13', invest: '1' }, version: 1 }, 409, 'version_conflict');

    const office = (await api.get(d.hq, `/api/dispatches/${id}`)).json().data;
    expect(office.repliedCount).toBe(2);
    const byUnit = Object.fromEntries(office.recipients.map((r: { unitId: string }) => [r.unitId, r]));
    expect(byUnit[d.unitA.id]).toMatchObject({ status: 'replied', answer: '已核实', figures: { jobs: '13', invest: '350.5' }, late: false, mayReply: false });
    expect(byUnit[d.unitB.id]).toMatchObject({ status: 'replied', figures: { jobs: '8', invest: '0.1' } });
    const leaderView = (await api.get(d.leader, `/api/dispatches/${id}`)).json();
    expect(leaderView.data.recipients).toHaveLength(2);
    expect(leaderView.policies).toMatchObject({ export: true, chase: false });

    const file = await api.call(d.hq, 'GET', `/api/dispatches/${id}/results.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(file.rawPayload);
    expect(rows[0]).toEqual(['单位', '答复状态', '答复内容', '新增就业（人）', '完成投资（万元）', '答复时间', '是否逾期', '催办次数']);
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    expect(row(d.unitA.name).slice(1, 5)).toEqual(['已答复', '已核实', '13', '350.5']);
    expect(row(d.unitB.name).slice(1, 5)).toEqual(['已答复', '', '8', '0.1']);
    expect(row(d.unitB.name)[6]).toBe('否');
    expect(rows.at(-1)!.slice(0, 5)).toEqual(['合计', '', '', '21', '350.6']);
    const audit = await h.db.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['dispatch.created', 'dispatch.replied', 'dispatch.replied', 'dispatch.replied', 'dispatch.sent'].sort());
  });

  it('refuses a reply for another unit, naming who may act', async () => {
    const id = (await create()).data.id as string;
    await step(d.hq, id, 'send');
    // Unit A replying in unit B's name: B's liaison or head replies.
    const forB = await reply(d.liaisonA, id, { unitId: d.unitB.id, figures: { jobs: '1', invest: '1' } }, 403, 'dispatch_reply_unit');
    expect(forB.json().error.message).toContain(d.unitB.name);
    // Unit C, to which the order did not go: the recipients' liaison or head replies.
    const notMine = await reply(liaisonC, id, { figures: { jobs: '1', invest: '1' } }, 403, 'dispatch_not_recipient');
    expect(notMine.json().error.message).toContain(d.unitA.name);
    expect(notMine.json().error.message).toContain(d.unitB.name);
    expect((await api.get(liaisonC, `/api/dispatches/${id}`)).statusCode).toBe(404);
    // The office does not reply for a unit.
    await reply(d.hq, id, { unitId: d.unitA.id, figures: { jobs: '1', invest: '1' } }, 403, 'forbidden');
  });

  it('checks the figures against the order’s columns, naming each', async () => {
    const id = (await create()).data.id as string;
    await step(d.hq, id, 'send');
    const bad = await reply(d.liaisonA, id, { figures: { jobs: '1.5', other: '2' } }, 422, 'dispatch_figures_invalid');
    expect(bad.json().error.fields).toEqual({ 'figures.invest': '', 'figures.other': '' });
    expect(bad.json().error.message).toContain('完成投资');
    await reply(d.liaisonA, id, { figures: { jobs: '0.1e3', invest: '1' } }, 400, 'validation');
    const q = (await create({ kind: 'question', columns: [], unitIds: [d.unitA.id] })).data.id as string;
    await step(d.hq, q, 'send');
    await reply(d.liaisonA, q, { answer: '' }, 422, 'dispatch_answer_required');
    // Text the system does not store (a lone surrogate, a control character) is refused naming the field, as everywhere.
    const lone = await reply(d.liaisonA, q, { answer: '已安排\ud800' }, 400, 'validation');
    expect(Object.keys(lone.json().error.fields)).toEqual(['answer']);
    await reply(d.liaisonA, q, { answer: '值守\u0007' }, 400, 'validation');
    await reply(d.liaisonA, q, { answer: '已安排专人值守' });
  });

  it('is chased for the units without a reply, one record naming them, and closed against replies', async () => {
    const id = (await create()).data.id as string;
    await step(d.hq, id, 'chase', 409, 'dispatch_step_invalid');
    await step(d.hq, id, 'send');
    await reply(d.liaisonA, id, { figures: { jobs: '3', invest: '4' } });
    const chased = await step(d.hq, id, 'chase');
    const rows = chased.json().data.recipients as { unitId: string; chasedCount: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.unitId, r.chasedCount]))).toEqual({ [d.unitA.id]: 0, [d.unitB.id]: 1 });
    const [record] = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'dispatch.chased'));
    expect(record!.after).toMatchObject({ chasedUnitIds: [d.unitB.id], chasedUnits: [d.unitB.name] });
    await step(d.liaisonA, id, 'chase', 403, 'forbidden');
    await step(d.hq, id, 'close');
    const late = await reply(d.headB, id, { figures: { jobs: '1', invest: '1' } }, 409, 'dispatch_closed');
    expect(late.json().error.message).toContain('已办结');
    await step(d.hq, id, 'close', 409, 'dispatch_step_invalid');
    // Everyone replied: nobody to chase.
    const all = (await create({ unitIds: [d.unitA.id] })).data.id as string;
    await step(d.hq, all, 'send');
    await reply(d.headA, all, { figures: { jobs: '3', invest: '4' } });
    await step(d.hq, all, 'chase', 422, 'dispatch_nothing_to_chase');
  });

  it('never takes a reply on an order closed at the same moment', async () => {
    for (let n = 0; n < 5; n++) {
      const id = (await create({ unitIds: [d.unitA.id] })).data.id as string;
      await step(d.hq, id, 'send');
      const [closed, replied] = await Promise.all([
        api.call(d.hq, 'POST', `/api/dispatches/${id}/close`, {}),
        api.call(d.liaisonA, 'POST', `/api/dispatches/${id}/replies`, { figures: { jobs: '1', invest: '1' } }),
      ]);
      expect(closed.statusCode).toBe(200);
      expect([200, 409]).toContain(replied.statusCode);
      const after = (await api.get(d.hq, `/api/dispatches/${id}`)).json().data;
      if (replied.statusCode === 200) expect(after.recipients[0].repliedAt <= after.closedAt).toBe(true);
      else expect(after.recipients[0].status).toBe('pending');
    }
  });

  it('edits only drafts, and refuses bad deadlines, kinds and units by field', async () => {
    const created = (await create()).data;
    const edited = await api.write(d.hq, 'PATCH', `/api/dispatches/${created.id}`, { version: 0, title: '改标题', unitIds: [d.unitA.id] }, 200);
    expect(edited.json().data).toMatchObject({ title: '改标题', unitCount: 1, version: 1 });
    await api.write(d.hq, 'PATCH', `/api/dispatches/${created.id}`, { version: 0, title: '旧' }, 409, 'version_conflict');
    await api.write(d.hq, 'PATCH', `/api/dispatches/${created.id}`, { version: 1, columns: [] }, 422, 'dispatch_columns_kind');
    expect((await api.call(d.hq, 'GET', `/api/dispatches/${created.id}/results.xlsx`)).statusCode).toBe(403);
    await step(d.hq, created.id, 'send');
    await api.write(d.hq, 'PATCH', `/api/dispatches/${created.id}`, { version: 2, title: '再改' }, 409, 'dispatch_not_draft');
    const past = await api.write(d.hq, 'POST', '/api/dispatches', { kind: 'action', title: '清理积雪', deadline: dayFrom(-3), unitIds: [d.unitA.id] }, 422, 'dispatch_deadline_past');
    expect(past.json().error.fields).toEqual({ deadline: '' });
    const noTable = await api.write(d.hq, 'POST', '/api/dispatches', { kind: 'figures', title: '报数', unitIds: [d.unitA.id] }, 400, 'validation');
    expect(Object.keys(noTable.json().error.fields)).toEqual(['columns']);
    await api.write(d.hq, 'POST', '/api/dispatches', { kind: 'question', title: '问', unitIds: [crypto.randomUUID()] }, 422, 'dispatch_unit_unknown');
    await api.write(d.hq, 'POST', '/api/dispatches', { kind: 'question', title: '问', unitIds: [] }, 400, 'validation');
    await api.write(d.liaisonA, 'POST', '/api/dispatches', { kind: 'question', title: '问', unitIds: [d.unitA.id] }, 403, 'forbidden');
    expect((await api.get(d.hq, `/api/dispatches/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('lists the units that have not reported this period (本期未报送)', async () => {
    await makeTask(h.db.database, d.loosePlan.id, [{ unitId: unitC.id }], { startDate: dayFrom(-60) });
    const res = await api.get(d.hq, '/api/dispatches/unreported');
    expect(res.statusCode).toBe(200);
    const units = res.json().data.units as { unitId: string; toReport: number }[];
    expect(units.find((u) => u.unitId === unitC.id)?.toReport).toBeGreaterThan(0);
    expect(res.json().data.defaultDeadline).toBe(await dispatchDeadline(h.db.database));
    expect((await api.get(d.liaisonA, '/api/dispatches/unreported')).statusCode).toBe(403);
  });
});
