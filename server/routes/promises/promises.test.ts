import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/enums.js';
import { auditLog, evidence, evidenceUploads } from '../../db/schema/index.js';
import { loadCalendar } from '../../queries/calendar.js';
import { send, snapshot, told, type ApiRequest } from '../../testing/api.js';
import { caseOfComplaint, complaintBody, fileComplaint } from '../../testing/complaintCalls.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { makePromise, makeResponseRequest, PROMISE_MATRIX, PROMISE_ROUTE_CALLS } from '../../testing/promiseCalls.js';
import { reportingApi, today } from '../../testing/reportingCalls.js';
import { callEnv, type CallEnv } from '../../testing/routeCalls.js';
import { readXlsx } from '../../testing/xlsx.js';
import { makeDistrict, makePerson, type District, type Person } from '../../testing/workFactories.js';

const LONE_SURROGATE = 'a\uD800b';
const CONTROL = 'a\u0007b';

describe.each(DATABASE_KINDS)('written responses (书面说明) and the promise ledger (履约践诺) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let env: CallEnv;
  let overseer: Person;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    env = callEnv(h.app, h.db.database);
    overseer = await makePerson(h.app, h.db.database, [{ role: 'oversight' }], d.unitB.id);
  });
  afterAll(async () => h?.close());

  /** A write asserting its status (200 unless said) and its one audit record, or none. */
  const write = (who: Person, method: 'POST', url: string, payload: unknown, status = 200, code?: string) => api.write(who, method, url, payload, status, code);
  const upload = async (who: Person, name: string) => {
    const bytes = Buffer.from(`佐证 ${randomUUID()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await h.db.database.db.insert(evidence).values({ sha256, size: bytes.length, mime: 'application/pdf', content: bytes, createdById: who.id });
    await h.db.database.db.insert(evidenceUploads).values({ sha256, userId: who.id, name });
    return sha256;
  };
  /** A complaint filed in public and the case it became. */
  const complaintCase = async () => {
    const secret = `机密投诉-${randomUUID().slice(0, 8)}`;
    const { trackingCode } = await fileComplaint(h.app, { description: `${secret}：施工许可三次不予受理，已超过承诺时限。`, contact: '13900001111' });
    return { caseId: await caseOfComplaint(h.db.database, trackingCode), secret, trackingCode };
  };
  const ask = (caseId: string, body: Record<string, unknown>, status = 200, code?: string) =>
    write(overseer, 'POST', `/api/oversight/cases/${caseId}/requests`, { unitId: d.unitA.id, text: '请就辽河新材料施工许可受理迟缓问题作出书面说明', enterprise: '辽河新材料有限公司', ...body }, status, code);

  it('asks a unit from a complaint’s case; the liaison drafts with a promise and evidence, the head sends once, and oversight reads the answer on the case', async () => {
    const { caseId, secret, trackingCode } = await complaintCase();
    const asked = (await ask(caseId, { workdays: 3 })).json();
    expect(asked.policies).toEqual({ read: true, ask: true });
    const request = asked.data[0];
    expect(request).toMatchObject({ status: 'requested', unitId: d.unitA.id, enterprise: '辽河新材料有限公司', promises: [] });
    expect(request.deadline).toBe((await loadCalendar(h.db.database.db)).addWorkdays(today(), 3));
    const id = request.id as string;

    // The unit sees its request in its list and page: nothing about a case, the complaint or the complainant.
    const list = await api.get(d.liaisonA, '/api/response-requests?status=requested');
    expect(list.json().data.map((r: { id: string }) => r.id)).toContain(id);
    expect(list.json().policies).toEqual({ read: true, draft: true, send: false });
    const page = await api.get(d.headA, `/api/response-requests/${id}`);
    expect(page.json().policies).toEqual({ draft: true, send: true });
    for (const res of [list, page]) for (const word of [caseId, secret, trackingCode, '13900001111', 'case', 'oversight']) expect(res.body).not.toContain(word);

    // Another unit: 404 to read or write; a stranger role 403.
    expect((await api.get(d.liaisonB, `/api/response-requests/${id}`)).statusCode).toBe(404);
    await write(d.headB, 'POST', `/api/response-requests/${id}/draft`, { answer: '冒名答复' }, 404);
    await write(d.hq, 'POST', `/api/response-requests/${id}/draft`, { answer: '越权答复' }, 403, 'forbidden');
    expect((await api.get(d.liaisonB, '/api/response-requests')).json().data.map((r: { id: string }) => r.id)).not.toContain(id);

    // A promise whose day has passed is refused naming it.
    const past = await write(d.liaisonA, 'POST', `/api/response-requests/${id}/draft`, { answer: '已核实', promises: [{ enterprise: '辽河新材料有限公司', content: '办结', deadline: '2020-01-01' }] }, 422, 'promise_deadline_past');
    expect(past.json().error.fields).toHaveProperty(['promises.0.deadline']);
    const proof = await upload(d.liaisonA, '受理回执.pdf');
    const deadline = (await loadCalendar(h.db.database.db)).addWorkdays(today(), 10);
    const promise = { enterprise: '辽河新材料有限公司', content: '十个工作日内办结施工许可', deadline };
    const drafted = (await write(d.liaisonA, 'POST', `/api/response-requests/${id}/draft`, { answer: '经核实，窗口受理迟缓属实，已批评教育并当日受理。', evidence: [proof], promises: [promise], version: 0 })).json();
    expect(drafted.data).toMatchObject({ status: 'drafted', draftPromises: [promise], evidence: [{ sha256: proof, name: '受理回执.pdf' }], draftedById: d.liaisonA.id });
    // The liaison drafts; only the head sends (the route tier refuses the liaison).
    await write(d.liaisonA, 'POST', `/api/response-requests/${id}/send`, { version: 1 }, 403, 'forbidden');
    await write(d.headA, 'POST', `/api/response-requests/${id}/send`, { version: 0 }, 409, 'version_conflict');
    const sent = (await write(d.headA, 'POST', `/api/response-requests/${id}/send`, { version: 1 })).json();
    expect(sent.data).toMatchObject({ status: 'answered', answeredById: d.headA.id, answer: expect.stringContaining('已批评教育') });
    expect(sent.policies).toEqual({ draft: false, send: false });
    // A replay, and any later draft: 409 naming the state, in Chinese.
    expect((await write(d.headA, 'POST', `/api/response-requests/${id}/send`, { version: 2 }, 409, 'response_step_invalid')).json().error.message).toContain('已答复');
    await write(d.liaisonA, 'POST', `/api/response-requests/${id}/draft`, { answer: '再改' }, 409, 'response_step_invalid');

    // Oversight reads the answer and the promise it made on the case page; the ledger holds the promise once.
    const onCase = (await api.get(overseer, `/api/oversight/cases/${caseId}/requests`)).json().data[0];
    expect(onCase).toMatchObject({ status: 'answered', answer: expect.stringContaining('当日受理'), promises: [{ content: promise.content, status: 'pending', state: 'pending', unitId: d.unitA.id }] });
    expect((await api.get(d.hq, `/api/promises?request=${id}`)).json().page.total).toBe(1);
    // The answer's evidence: the unit and oversight open it; another unit does not.
    expect((await api.get(overseer, `/api/evidence/${proof}`)).statusCode).toBe(200);
    expect((await api.get(d.headA, `/api/evidence/${proof}`)).statusCode).toBe(200);
    expect((await api.get(d.liaisonB, `/api/evidence/${proof}`)).statusCode).toBe(404);

    // The audit records name the request, never the case or its words.
    const records = await h.db.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'response_request'), eq(auditLog.entityId, id)));
    expect(records.map((r) => r.action).sort()).toEqual(['response_request.answered', 'response_request.drafted', 'response_request.requested']);
    for (const r of records) for (const word of [caseId, secret, trackingCode, '13900001111']) expect(JSON.stringify(r)).not.toContain(word);
  });

  it('keeps a promise by its unit with evidence, finds another broken by oversight, counts and lists them by state, and exports the ledger', async () => {
    const yesterday = (await loadCalendar(h.db.database.db)).addWorkdays(today(), -1);
    const later = (await loadCalendar(h.db.database.db)).addWorkdays(today(), 5);
    const before = (await api.get(d.leader, '/api/promises/summary')).json().data;
    const late = await makePromise(h.db.database, d.unitA.id, { deadline: yesterday });
    const onTime = await makePromise(h.db.database, d.unitA.id, { deadline: later });
    const toBreak = await makePromise(h.db.database, d.unitB.id, { deadline: yesterday });
    const proof = await upload(d.liaisonA, '办结通知书.pdf');

    await write(d.liaisonB, 'POST', `/api/promises/${onTime.id}/keep`, { note: '冒名' }, 404);
    await write(d.hq, 'POST', `/api/promises/${onTime.id}/keep`, { note: '越权' }, 403, 'forbidden');
    const kept = (await write(d.liaisonA, 'POST', `/api/promises/${onTime.id}/keep`, { note: '已按期办结施工许可', evidence: [proof], version: 0 })).json();
    expect(kept.data).toMatchObject({ status: 'kept', state: 'kept', keptNote: '已按期办结施工许可', evidence: [{ sha256: proof }] });
    await write(d.headA, 'POST', `/api/promises/${onTime.id}/keep`, { note: '再次' }, 409, 'promise_step_invalid');
    expect((await api.get(d.leader, `/api/evidence/${proof}`)).statusCode).toBe(200);
    await write(d.headB, 'POST', `/api/promises/${toBreak.id}/break`, { reason: '自认未兑现' }, 403, 'forbidden');
    expect((await write(overseer, 'POST', `/api/promises/${toBreak.id}/break`, { reason: '逾期仍未办结', version: 0 })).json().data).toMatchObject({ status: 'broken', state: 'broken' });
    await write(overseer, 'POST', `/api/promises/${toBreak.id}/break`, { reason: '再次' }, 409, 'promise_step_invalid');

    const after = (await api.get(d.leader, '/api/promises/summary')).json().data;
    expect(after).toEqual({ pending: before.pending, overdue: before.overdue + 1, kept: before.kept + 1, broken: before.broken + 1 });
    const overdue = (await api.get(d.hq, '/api/promises?state=overdue&perPage=200')).json();
    expect(overdue.data.map((p: { id: string }) => p.id)).toContain(late.id);
    expect(overdue.data.every((p: { state: string; overdue: boolean }) => p.state === 'overdue' && p.overdue)).toBe(true);
    expect(overdue.policies).toEqual({ read: true, keep: false, break: false });
    // A unit reads its own promises only.
    const mine = (await api.get(d.liaisonB, '/api/promises?perPage=200')).json().data as { unitId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.unitId === d.unitB.id)).toBe(true);

    const file = await send(h.app, { method: 'GET', url: `/api/promises.xlsx?unit=${d.unitA.id}` }, overseer.session);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('履约践诺台账'));
    const sheet = await readXlsx(file.rawPayload);
    expect(sheet[1]![0]).toContain(d.unitA.name);
    expect(sheet[2]).toEqual(['序号', '企业', '承诺事项', '承诺单位', '承诺期限', '状态', '兑现情况', '是否逾期']);
    const body = sheet.slice(3);
    expect(body.find((r) => r[4] === yesterday && r[5] === '逾期未兑现')?.[7]).toBe('是');
    expect(body.find((r) => r[6] === '已按期办结施工许可')?.[5]).toBe('已兑现');
    expect(body.every((r) => r[3] === d.unitA.name)).toBe(true);
  });

  it('refuses unstorable text (lone surrogates, control characters) in every new write, naming the field, and writes nothing', async () => {
    const c = await complaintCase();
    const r = await makeResponseRequest(h.db.database, d.unitA.id);
    const p = await makePromise(h.db.database, d.unitA.id);
    const probes: [Person, ApiRequest, string][] = [
      [overseer, { method: 'POST', url: `/api/oversight/cases/${c.caseId}/requests`, payload: { unitId: d.unitA.id, text: LONE_SURROGATE } }, 'text'],
      [overseer, { method: 'POST', url: `/api/oversight/cases/${c.caseId}/requests`, payload: { unitId: d.unitA.id, text: '说明', enterprise: CONTROL } }, 'enterprise'],
      [d.liaisonA, { method: 'POST', url: `/api/response-requests/${r.id}/draft`, payload: { answer: CONTROL } }, 'answer'],
      [d.liaisonA, { method: 'POST', url: `/api/response-requests/${r.id}/draft`, payload: { answer: '答复', promises: [{ enterprise: LONE_SURROGATE, content: '办结', deadline: today() }] } }, 'promises.0.enterprise'],
      [d.headA, { method: 'POST', url: `/api/response-requests/${r.id}/send`, payload: { answer: LONE_SURROGATE } }, 'answer'],
      [d.liaisonA, { method: 'POST', url: `/api/promises/${p.id}/keep`, payload: { note: CONTROL } }, 'note'],
      [overseer, { method: 'POST', url: `/api/promises/${p.id}/break`, payload: { reason: LONE_SURROGATE } }, 'reason'],
      [d.hq, { method: 'GET', url: `/api/promises?unit=${encodeURIComponent(CONTROL)}` }, 'unit'],
    ];
    for (const [who, req, field] of probes) {
      const before = await snapshot(h.db.database);
      const res = await send(h.app, req, who.session);
      expect(res.statusCode, `${req.url} ${res.body}`).toBe(400);
      expect(Object.keys(res.json().error.fields), req.url).toContain(field);
      expect(await snapshot(h.db.database)).toEqual(before);
    }
  });

  it('answers every role but oversight on the case’s request routes exactly as a missing route, and changes nothing', async () => {
    const missing = (req: ApiRequest, role: Role) => env.session(role).then((s) => send(h.app, { ...req, url: req.url.replace(/^\/api\/oversight/, '/api/nope') }, s));
    const outsiders = kind === 'embedded' ? ROLES.filter((r) => r !== 'oversight') : (['leader', 'hq_office', 'liaison', 'unit_head', 'auditor'] as Role[]);
    const wrong: string[] = [];
    for (const key of Object.keys(PROMISE_MATRIX).filter((k) => k.includes('/oversight/'))) {
      for (const role of outsiders) {
        const { req, session } = await PROMISE_ROUTE_CALLS[key]!(env, role);
        const before = await snapshot(h.db.database);
        for (let i = 0; i < 2; i++) {
          const got = told(await send(h.app, req, session));
          const expected = told(await missing(req, role));
          if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${key} as ${role}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
        }
        if (JSON.stringify(await snapshot(h.db.database)) !== JSON.stringify(before)) wrong.push(`${key} as ${role} wrote something`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets a unit learn nothing of the case: not from its routes, the ledger, the feed or an id; the case’s routes name no request to others', async () => {
    const { caseId } = await complaintCase();
    const id = (await ask(caseId, { text: '请说明受理情况' })).json().data[0].id as string;
    expect(id).not.toBe(caseId);
    await write(d.headA, 'POST', `/api/response-requests/${id}/send`, { answer: '已受理', promises: [{ enterprise: complaintBody().enterprise, content: '当日办结', deadline: today() }] });
    for (const who of [d.liaisonA, d.headA]) {
      for (const url of ['/api/response-requests?perPage=200', `/api/response-requests/${id}`, '/api/promises?perPage=200', '/api/feed', '/api/workbench']) {
        const res = await api.get(who, url);
        expect(res.body, url).not.toContain(caseId);
      }
      // The case's id through the unit's routes finds nothing.
      expect((await api.get(who, `/api/response-requests/${caseId}`)).statusCode).toBe(404);
    }
  });
});
