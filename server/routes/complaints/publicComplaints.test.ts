import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { auditMark, send, snapshot } from '../../testing/api.js';
import { caseOfComplaint, complaintBody } from '../../testing/complaintCalls.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeUnit, makeUser, loginAs, type Session } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { gt } from 'drizzle-orm';

const CODE = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;
/** Small limits, each test from addresses of its own (light-my-request's remoteAddress). */
const LIMITS = { submitPerAddress: 5, submitWindowSeconds: 600, submitOverallPerMinute: 1_000_000, lookupPerAddressPerMinute: 8, lookupOverallPerMinute: 1_000_000 };
let nextAddress = 1;
const freshAddress = () => `10.9.0.${nextAddress++}`;

describe.each(DATABASE_KINDS)('public business-environment complaints (营商环境投诉) on %s', (kind) => {
  let h: Harness;
  let overseer: Session;
  let others: Record<string, Session>;
  beforeAll(async () => {
    h = await startHarness(kind, { publicLimits: LIMITS });
    overseer = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'oversight' }]));
    others = {};
    for (const role of ['leader', 'auditor', 'sysadmin'] as const) others[role] = await loginAs(h.app, await makeUser(h.db.database, [{ role }]));
  });
  afterAll(async () => h?.close());

  const submit = (payload: unknown, remoteAddress = freshAddress(), headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/public/complaints', payload: payload as object, remoteAddress, headers });
  const lookup = (code: string, remoteAddress = freshAddress()) => h.app.inject({ method: 'GET', url: `/api/public/complaints/${encodeURIComponent(code)}`, remoteAddress });
  const refusal = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json().error as { code: string; message: string; fields?: Record<string, string> };
  };

  it('files a complaint as its case, for the oversight role alone; the tracking code shows status and reply, nothing internal', async () => {
    const unit = await makeUnit(h.db.database);
    const mark = await auditMark(h.db.database);
    const res = await submit(complaintBody({ unitId: unit.id }));
    expect(res.statusCode, res.body).toBe(200);
    const { trackingCode } = res.json().data;
    expect(res.json()).toEqual({ data: { trackingCode: expect.stringMatching(CODE) } });

    // One audit record, the fact only: no enterprise, contact or words.
    const records = await h.db.database.db.select().from(auditLog).where(gt(auditLog.id, mark));
    expect(records.map((r) => [r.action, r.entity, r.actorId])).toEqual([['oversight_case.complaint_received', 'oversight_case', null]]);
    expect(JSON.stringify(records)).not.toMatch(/辽河|王经理|5801234|施工许可/);

    const caseId = await caseOfComplaint(h.db.database, trackingCode);
    const read = await send(h.app, { method: 'GET', url: `/api/oversight/cases/${caseId}` }, overseer);
    expect(read.json().data).toMatchObject({ category: 'business_environment', sourceKind: 'complaint', status: 'received', unitId: unit.id, title: '辽河新材料有限公司反映政务环境问题（营商环境投诉）' });
    const complaint = await send(h.app, { method: 'GET', url: `/api/oversight/cases/${caseId}/complaint` }, overseer);
    expect(complaint.json()).toMatchObject({ data: { trackingCode, enterprise: '辽河新材料有限公司', contactPerson: '王经理', contact: '0427-5801234', environment: 'government_service', unitId: unit.id, unitName: unit.name, status: 'received', reply: null }, policies: { reply: true } });
    expect(complaint.body).not.toContain('10.9.0.');

    // Everyone else: the case and its complaint are a URL no route serves.
    const missing = await send(h.app, { method: 'GET', url: '/api/no-such-route' }, others.leader!);
    for (const [role, s] of Object.entries(others)) {
      for (const url of [`/api/oversight/cases/${caseId}`, `/api/oversight/cases/${caseId}/complaint`]) {
        const r = await send(h.app, { method: 'GET', url }, s);
        expect([r.statusCode, r.body], `${role} ${url}`).toEqual([404, missing.body]);
      }
      const r = await send(h.app, { method: 'POST', url: `/api/oversight/cases/${caseId}/public-reply`, payload: { reply: 'x' } }, s);
      expect([r.statusCode, r.body], role).toEqual([404, missing.body]);
    }

    // The complainant: received, then handling, then replied.
    const view = async () => (await lookup(trackingCode.toUpperCase())).json().data;
    const submittedOn = (await view()).submittedOn;
    expect(await view()).toEqual({ trackingCode, status: 'received', environment: 'government_service', submittedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), reply: null, repliedOn: null });
    const verified = await send(h.app, { method: 'POST', url: `/api/oversight/cases/${caseId}/verify`, payload: { version: 0, comment: '内部：已约谈窗口负责人' } }, overseer);
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await view()).status).toBe('handling');

    const replyMark = await auditMark(h.db.database);
    const replied = await send(h.app, { method: 'POST', url: `/api/oversight/cases/${caseId}/public-reply`, payload: { reply: '经核查，区行政审批局已受理并办结，相关人员已批评教育。' } }, overseer);
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().data).toMatchObject({ status: 'replied', reply: '经核查，区行政审批局已受理并办结，相关人员已批评教育。' });
    const replyRecords = await h.db.database.db.select().from(auditLog).where(gt(auditLog.id, replyMark));
    expect(replyRecords.map((r) => [r.action, r.entityId])).toEqual([['oversight_case.publicly_replied', caseId]]);
    expect(JSON.stringify(replyRecords)).not.toContain('批评教育');

    const after = await lookup(trackingCode.replaceAll('-', ' '));
    expect(after.json().data).toEqual({ trackingCode, status: 'replied', environment: 'government_service', submittedOn, reply: '经核查，区行政审批局已受理并办结，相关人员已批评教育。', repliedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(after.body).not.toMatch(/约谈|王经理|0427|verifying|caseId|辽河/);

    // A case that came from elsewhere has nobody to reply to.
    const typed = await send(h.app, { method: 'POST', url: '/api/oversight/cases', payload: { category: 'conduct', title: '窗口推诿' } }, overseer);
    expect(refusal(await send(h.app, { method: 'POST', url: `/api/oversight/cases/${typed.json().data.id}/public-reply`, payload: { reply: '答复' } }, overseer), 422).code).toBe('case_not_complaint');
  });

  it('answers a filled honeypot like a success and stores nothing; unknown and malformed codes are 404 alike', async () => {
    const before = await snapshot(h.db.database);
    const res = await submit(complaintBody({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().data.trackingCode).toMatch(CODE);
    expect(await snapshot(h.db.database)).toEqual(before);
    const fake = refusal(await lookup(res.json().data.trackingCode), 404);
    expect(fake.message).toContain('投诉不存在');
    expect(await lookup('not a code at all').then((r) => [r.statusCode, r.json().error.code])).toEqual([404, 'not_found']);
    // Without a session, the route is the same for a visitor who is signed in: no CSRF token needed, nothing of theirs used.
    const signedIn = await submit(complaintBody(), freshAddress(), { cookie: overseer.cookie });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });

  it('refuses junk with 400 naming the field in Chinese, and writes nothing', async () => {
    const before = await snapshot(h.db.database);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ enterprise: 'a\uD800b' }, 'enterprise', '企业名称'],
      [{ description: '施工许可迟迟不办\u0007理理理理理' }, 'description', '投诉内容'],
      [{ environment: 'weather' }, 'environment', '投诉类别'],
      [{ contact: '请打电话' }, 'contact', '电话号码'],
      [{ contactPerson: 42 }, 'contactPerson', '联系人'],
      [{ description: '太短' }, 'description', '投诉内容'],
      [{ description: '长'.repeat(2001) }, 'description', '投诉内容'],
      [{ unitId: 'not-a-uuid' }, 'unitId', '单位'],
      [{ extra: '<script>alert(1)</script>' }, '', '输入有误'],
    ];
    for (const [over, field, words] of cases) {
      const e = refusal(await submit(complaintBody(over)), 400);
      expect(e.message, JSON.stringify(over).slice(0, 60)).toContain(words);
      if (field) expect(Object.keys(e.fields ?? {}), JSON.stringify(over).slice(0, 60)).toContain(field);
    }
    expect(refusal(await submit('{"enterprise":', freshAddress(), { 'content-type': 'application/json' }), 400).code).toBeTruthy();
    expect((await submit({ ...complaintBody(), description: 'x'.repeat(1_100_000) })).statusCode).toBe(413);
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('throttles submissions and lookups per address with 429 in Chinese, while another address still gets through', async () => {
    const flood = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await submit(i % 2 ? { junk: true } : complaintBody(), flood)).statusCode);
    // Junk counts too: 5 through (3 filed, 2 refused as junk), then 429.
    expect(statuses).toEqual([200, 400, 200, 400, 200, 429, 429, 429]);
    const limited = await submit(complaintBody(), flood);
    expect(refusal(limited, 429).message).toBe('请求过于频繁，请稍后再试');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    expect((await submit(complaintBody())).statusCode).toBe(200);

    const guesser = freshAddress();
    const guesses: number[] = [];
    for (let i = 0; i < 10; i++) guesses.push((await lookup(`abcd-efgh-jk${'mn'[i % 2]}${i + 2}`.slice(0, 14), guesser)).statusCode);
    expect(guesses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 429, 429]);
  });

  it('turns away a bot sending 1,000 junk submissions in a minute from one address after its first few, writing nothing', async () => {
    const before = await snapshot(h.db.database);
    const bot = freshAddress();
    const junk = [{ junk: true }, { ...complaintBody(), description: '<b>' }, 'not json', { ...complaintBody(), contact: '1' }];
    const tally = new Map<number, number>();
    // The whole thousand once, on PostgreSQL (the server production runs); the same rule on a fifth of it embedded.
    const flood = kind === 'postgres' ? 1_000 : 200;
    for (let i = 0; i < flood; i++) {
      const res = await submit(junk[i % junk.length], bot, typeof junk[i % junk.length] === 'string' ? { 'content-type': 'application/json' } : {});
      tally.set(res.statusCode, (tally.get(res.statusCode) ?? 0) + 1);
    }
    // The first five are read and refused as junk; every other is refused unread.
    expect(Object.fromEntries(tally)).toEqual({ 400: LIMITS.submitPerAddress, 429: flood - LIMITS.submitPerAddress });
    expect(await snapshot(h.db.database)).toEqual(before);
    // A real complainant elsewhere is not held up by the bot.
    expect((await submit(complaintBody())).statusCode).toBe(200);
  });
});

describe.each(DATABASE_KINDS)('the public channel’s overall limit on %s', (kind) => {
  let h: Harness;
  /** Many addresses each within their own limit: the overall one holds for them together. */
  const OVERALL = { ...LIMITS, submitPerAddress: 1_000, submitOverallPerMinute: 12, lookupOverallPerMinute: 20 };
  beforeAll(async () => {
    h = await startHarness(kind, { publicLimits: OVERALL });
  });
  afterAll(async () => h?.close());

  it('turns everyone away with 429 once the minute’s submissions and lookups from all addresses reach it', async () => {
    const statuses: number[] = [];
    let code = '';
    for (let i = 0; i < 15; i++) {
      const res = await h.app.inject({ method: 'POST', url: '/api/public/complaints', payload: complaintBody(), remoteAddress: `10.8.${i}.1` });
      statuses.push(res.statusCode);
      if (res.statusCode === 200) code = res.json().data.trackingCode;
    }
    expect(statuses).toEqual([...Array<number>(12).fill(200), 429, 429, 429]);
    const lookups: number[] = [];
    for (let i = 0; i < 22; i++) lookups.push((await h.app.inject({ method: 'GET', url: `/api/public/complaints/${code}`, remoteAddress: `10.7.${i}.1` })).statusCode);
    expect(lookups).toEqual([...Array<number>(20).fill(200), 429, 429]);
  });
});
