import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { inTx } from '../context.js';
import { blockers, evidence, evidenceUploads, idempotencyKeys, reports, reportSteps, settings } from '../db/schema/index.js';
import { runMidnightJob } from '../jobs/midnightJob.js';
import { auditMark, expectError, recordsSince } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { dayFrom, reportingApi, thisMonth } from '../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District, type Person } from '../testing/workFactories.js';
import { multipart } from '../testing/xlsx.js';
import { recordAudit } from '../audit.js';

const PNG = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR site photo ${Math.random()}`)]);

describe.each(DATABASE_KINDS)('Idempotency-Key on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const db = () => h.db.database.db;
  const newTask = () => makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-10), deadline: dayFrom(100) });
  const keyed = (who: Person, method: 'POST' | 'PATCH', url: string, body: unknown, key: string) => api.call(who, method, url, body, { 'idempotency-key': key });
  const reportsOf = async (itemId: string) => db().select({ id: reports.id }).from(reports).where(eq(reports.itemId, itemId));
  /** What a client sees of an answer: status, type and body. */
  const seen = (r: LightMyRequestResponse) => ({ status: r.statusCode, type: r.headers['content-type'], body: r.body });

  it('answers a repeat with the first answer, and writes one report and one audit record', async () => {
    const task = await newTask();
    const body = { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', text: '完成选址' };
    const key = randomUUID();
    const mark = await auditMark(h.db.database);
    const first = await keyed(d.liaisonA, 'POST', '/api/reports', body, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
    const mark2 = await auditMark(h.db.database);
    // The same object in another key order is the same request.
    const again = await keyed(d.liaisonA, 'POST', '/api/reports', { text: '完成选址', percent: '10', period: thisMonth(), itemId: task.id, itemType: 'task' }, key);
    expect(seen(again)).toEqual(seen(first));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await recordsSince(h.db.database, mark2)).toEqual({ changes: 0, refusals: 0 });
    expect(await reportsOf(task.id)).toHaveLength(1);
    // Without the key the same request runs, and is refused as a second report of the period.
    await api.create(d.liaisonA, body, 409, 'report_exists');
  });

  it('refuses the same key with another request (422 naming the header), on any route', async () => {
    const task = await newTask();
    const key = randomUUID();
    const body = { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' };
    expect((await keyed(d.liaisonA, 'POST', '/api/reports', body, key)).statusCode).toBe(200);
    const mark = await auditMark(h.db.database);
    const other = expectError(await keyed(d.liaisonA, 'POST', '/api/reports', { ...body, percent: '20' }, key), 422, 'idempotency_key_reused');
    expect(other.message).toContain('Idempotency-Key');
    expect(other.message).toContain('冲突');
    expect(Object.keys(other.fields!)).toEqual(['Idempotency-Key']);
    expectError(await keyed(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '资金未到位' }, key), 422, 'idempotency_key_reused');
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 0, refusals: 0 });
    const [report] = await db().select({ percent: reports.percent }).from(reports).where(eq(reports.itemId, task.id));
    expect(report!.percent).toBe('10.00');
  });

  it("keeps each user's keys apart: another user's request with the same key runs as new", async () => {
    const [taskA, taskA2] = [await newTask(), await newTask()];
    const key = randomUUID();
    const first = await keyed(d.liaisonA, 'POST', '/api/reports', { itemType: 'task', itemId: taskA.id, period: thisMonth(), percent: '10' }, key);
    expect(first.statusCode).toBe(200);
    // The same body from the unit head: its own run, refused as the unit's second report.
    const head = expectError(await keyed(d.headA, 'POST', '/api/reports', { itemType: 'task', itemId: taskA.id, period: thisMonth(), percent: '10' }, key), 409, 'report_exists');
    expect(head).toBeTruthy();
    // Another body from the head under the same key is no conflict with the liaison's.
    const own = await keyed(d.headA, 'POST', '/api/reports', { itemType: 'task', itemId: taskA2.id, period: thisMonth(), percent: '5' }, randomUUID());
    expect(own.statusCode).toBe(200);
    // A user of another unit cannot read the liaison's answer through the key: theirs is refused as theirs.
    const stranger = await keyed(d.liaisonB, 'POST', '/api/reports', { itemType: 'task', itemId: taskA.id, period: thisMonth(), percent: '10' }, key);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).not.toContain(first.json().data.id);
    expect(await reportsOf(taskA.id)).toHaveLength(1);
  });

  it('refuses a malformed key with 400 naming the header, before anything runs; routes that do not honour keys ignore it', async () => {
    const task = await newTask();
    const body = { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' };
    for (const bad of ['short', 'x'.repeat(129), 'has space in it', '键键键键键键键键', 'abc%2Fdefgh', 'abcd/efgh', 'abcdefgh\u0001']) {
      const mark = await auditMark(h.db.database);
      const res = await api.call(d.liaisonA, 'POST', '/api/reports', body, { 'idempotency-key': bad }).catch(() => null);
      // A control character is refused by the HTTP layer itself; every key that reaches us is 400.
      if (!res) continue;
      const e = expectError(res, 400, 'idempotency_key_invalid');
      expect(e.message).toContain('Idempotency-Key');
      expect(Object.keys(e.fields!)).toEqual(['Idempotency-Key']);
      expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 0, refusals: 0 });
    }
    const en = await h.app.inject({ method: 'POST', url: '/api/reports', payload: body, headers: { ...d.liaisonA.session.headers, 'idempotency-key': 'bad', 'accept-language': 'en-US' } });
    expect(en.json().error.message).toContain('Idempotency-Key header is invalid');
    expect(await reportsOf(task.id)).toHaveLength(0);
    expect((await api.call(d.liaisonA, 'GET', '/api/reports', undefined, { 'idempotency-key': 'bad' })).statusCode).toBe(200);
    // Without a session the key is never looked at: 401 as always.
    expect((await h.app.inject({ method: 'POST', url: '/api/reports', payload: body, headers: { 'idempotency-key': randomUUID() } })).statusCode).toBe(401);
  });

  it('runs one of two concurrent requests with the same key; the other waits and gets its answer', async () => {
    const task = await newTask();
    const body = { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' };
    const key = randomUUID();
    const mark = await auditMark(h.db.database);
    const answers = await Promise.all(Array.from({ length: 5 }, () => keyed(d.liaisonA, 'POST', '/api/reports', body, key)));
    for (const a of answers) expect(seen(a)).toEqual(seen(answers[0]!));
    expect(answers[0]!.statusCode).toBe(200);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await reportsOf(task.id)).toHaveLength(1);
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
  });

  it('repeats an evidence upload (multipart) by its fields and bytes, not its boundary: one file, one record', async () => {
    const png = PNG();
    const key = randomUUID();
    const upload = (bytes: Buffer, name: string, k = key) => {
      const form = multipart(bytes, name, 'image/png');
      return h.app.inject({ method: 'POST', url: '/api/evidence', payload: form.payload, headers: { ...d.liaisonA.session.headers, ...form.headers, 'idempotency-key': k } });
    };
    const mark = await auditMark(h.db.database);
    const first = await upload(png, '现场.png');
    expect(first.statusCode, first.body).toBe(200);
    const again = await upload(png, '现场.png');
    expect(seen(again)).toEqual(seen(first));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
    const sha = first.json().data.sha256;
    expect(await db().select({ s: evidence.sha256 }).from(evidence).where(eq(evidence.sha256, sha))).toHaveLength(1);
    expect(await db().select().from(evidenceUploads).where(eq(evidenceUploads.sha256, sha))).toHaveLength(1);
    // Other bytes, or the same bytes under another name, are another request.
    expectError(await upload(PNG(), '现场.png'), 422, 'idempotency_key_reused');
    expectError(await upload(png, '另一张.png'), 422, 'idempotency_key_reused');
    // Concurrent uploads of one photo with one key: one record.
    const photo = PNG();
    const k2 = randomUUID();
    const mark2 = await auditMark(h.db.database);
    const both = await Promise.all([upload(photo, 'a.png', k2), upload(photo, 'a.png', k2), upload(photo, 'a.png', k2)]);
    expect(both.map((b) => b.statusCode)).toEqual([200, 200, 200]);
    expect(await recordsSince(h.db.database, mark2)).toEqual({ changes: 1, refusals: 0 });
  });

  it("keys the unit head's approve and return (the phone's 通过 and 退回): a repeat gets the first answer and takes no second step; the same key with another body is 422", async () => {
    // A report sent up with a photo, as the head's list shows it: its evidence comes with the line.
    const photo = multipart(PNG(), '现场.png', 'image/png');
    const up = await h.app.inject({ method: 'POST', url: '/api/evidence', payload: photo.payload, headers: { ...d.liaisonA.session.headers, ...photo.headers } });
    const sha = up.json().data.sha256 as string;
    const submitted = async (evidence: string[] = []) => {
      const task = await newTask();
      const made = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '30', text: '完成选址', evidence })).json().data;
      return (await api.step(d.liaisonA, made.id, 'submit', { version: made.version })).json().data as { id: string; version: number };
    };
    const stepsOf = async (id: string) => (await db().select({ action: reportSteps.action }).from(reportSteps).where(eq(reportSteps.reportId, id))).map((s) => s.action);
    const a = await submitted([sha]);
    const listed = (await api.get(d.headA, `/api/reports?status=submitted&unit=${d.unitA.id}&perPage=100`)).json().data as { id: string; evidence: { sha256: string; mime: string; name: string }[] }[];
    expect(listed.find((r) => r.id === a.id)?.evidence).toMatchObject([{ sha256: sha, mime: 'image/png', name: '现场.png' }]);

    const key = randomUUID();
    const mark = await auditMark(h.db.database);
    const first = await keyed(d.headA, 'POST', `/api/reports/${a.id}/approve`, { version: a.version }, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.status).toBe('approved');
    // The answer was lost; the phone sends the same request again: the first answer, no second step, no second record.
    const again = await keyed(d.headA, 'POST', `/api/reports/${a.id}/approve`, { version: a.version }, key);
    expect(seen(again)).toEqual(seen(first));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
    expect(await stepsOf(a.id)).toEqual(['submit', 'approve']);
    // The same key with another request: 422, nothing run.
    expectError(await keyed(d.headA, 'POST', `/api/reports/${a.id}/approve`, { version: a.version, comment: '同意' }, key), 422, 'idempotency_key_reused');
    // Without the key a repeat is refused as a conflict (the report moved on), never a second approval.
    await api.step(d.headA, a.id, 'approve', { version: a.version }, 409);
    expect(await stepsOf(a.id)).toEqual(['submit', 'approve']);

    const b = await submitted();
    const rk = randomUUID();
    const mark2 = await auditMark(h.db.database);
    const returned = await keyed(d.headA, 'POST', `/api/reports/${b.id}/return`, { reason: '数据口径不对，请按季度累计填报', version: b.version }, rk);
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().data).toMatchObject({ status: 'returned', returnReason: '数据口径不对，请按季度累计填报' });
    expect(seen(await keyed(d.headA, 'POST', `/api/reports/${b.id}/return`, { version: b.version, reason: '数据口径不对，请按季度累计填报' }, rk))).toEqual(seen(returned));
    const other = expectError(await keyed(d.headA, 'POST', `/api/reports/${b.id}/return`, { reason: '请补充现场照片', version: b.version }, rk), 422, 'idempotency_key_reused');
    expect(Object.keys(other.fields!)).toEqual(['Idempotency-Key']);
    expect(await recordsSince(h.db.database, mark2)).toEqual({ changes: 1, refusals: 0 });
    expect(await stepsOf(b.id)).toEqual(['submit', 'return']);
    // A return with no reason is refused by the shared schema, before the key is taken: the key stays free.
    const c = await submitted();
    const ck = randomUUID();
    expectError(await keyed(d.headA, 'POST', `/api/reports/${c.id}/return`, { reason: '  ', version: c.version }, ck), 400);
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, ck))).toHaveLength(0);
  });

  it('lands 50 reports sent at once with 50 keys, each once; sent again, none twice', async () => {
    const tasks = await Promise.all(Array.from({ length: 50 }, () => newTask()));
    const keys = tasks.map(() => randomUUID());
    const send = () => Promise.all(tasks.map((t, i) => keyed(d.liaisonA, 'POST', '/api/reports', { itemType: 'task', itemId: t.id, period: thisMonth(), percent: String(i) }, keys[i]!)));
    const mark = await auditMark(h.db.database);
    const first = await send();
    expect(first.map((r) => r.statusCode)).toEqual(tasks.map(() => 200));
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 50, refusals: 0 });
    const again = await send();
    expect(again.map((r) => r.headers['idempotent-replayed'])).toEqual(tasks.map(() => 'true'));
    expect(again.map((r) => r.json().data.id)).toEqual(first.map((r) => r.json().data.id));
    for (const t of tasks) expect(await reportsOf(t.id)).toHaveLength(1);
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 50, refusals: 0 });
  });

  it('keeps refusals (4xx) for the repeat too; a step, a blocker and a claim are keyed the same way', async () => {
    const task = await newTask();
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' })).json().data;
    const key = randomUUID();
    const dup = await keyed(d.liaisonA, 'POST', '/api/reports', { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' }, key);
    expect(dup.statusCode).toBe(409);
    const dupAgain = await keyed(d.liaisonA, 'POST', '/api/reports', { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' }, key);
    expect(seen(dupAgain)).toEqual(seen(dup));
    expect(dupAgain.headers['idempotent-replayed']).toBe('true');
    // A submit repeated after a lost answer gets the answer, not "already submitted".
    const sk = randomUUID();
    const submitted = await keyed(d.liaisonA, 'POST', `/api/reports/${report.id}/submit`, { version: report.version }, sk);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(seen(await keyed(d.liaisonA, 'POST', `/api/reports/${report.id}/submit`, { version: report.version }, sk))).toEqual(seen(submitted));
    // A blocker.
    const bk = randomUUID();
    const raise = () => keyed(d.headA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '资金未到位' }, bk);
    const [b1, b2] = [await raise(), await raise()];
    expect(b1.statusCode, b1.body).toBe(200);
    expect(seen(b2)).toEqual(seen(b1));
    expect(await db().select({ id: blockers.id }).from(blockers).where(eq(blockers.itemId, task.id))).toHaveLength(1);
    // A claim.
    const claimable = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id, claimStatus: 'unclaimed' }], { startDate: dayFrom(-1), deadline: dayFrom(100) });
    const ck = randomUUID();
    const claim = () => keyed(d.liaisonA, 'POST', `/api/tasks/${claimable.id}/claim`, { version: 0, measures: '成立专班' }, ck);
    const mark = await auditMark(h.db.database);
    const [c1, c2] = [await claim(), await claim()];
    expect(c1.statusCode, c1.body).toBe(200);
    expect(seen(c2)).toEqual(seen(c1));
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
  });

  it('holds under attack: a percent-encoded path is the same request, a repeated header is refused, other roles are refused and kept', async () => {
    const task = await newTask();
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' })).json().data;
    const key = randomUUID();
    const submitted = await keyed(d.liaisonA, 'POST', `/api/reports/${report.id}/submit`, { version: report.version }, key);
    expect(submitted.statusCode, submitted.body).toBe(200);
    // The same route and id spelt with escapes: a repeat, not a conflict and not a second run.
    const spelt = `/%61pi/reports/${encodeURIComponent(report.id).replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`)}/submit`;
    const again = await keyed(d.liaisonA, 'POST', spelt, { version: report.version }, key);
    expect(seen(again)).toEqual(seen(submitted));
    // Two values of the header are no key.
    const twice = await h.app.inject({ method: 'POST', url: `/api/reports/${report.id}/submit`, payload: { version: report.version }, headers: { ...d.liaisonA.session.headers, 'idempotency-key': [randomUUID(), randomUUID()] } });
    expectError(twice, 400, 'idempotency_key_invalid');
    // A role that may not approve, with a key: refused (one refusal record), and the repeat is the same refusal without a second record.
    const k2 = randomUUID();
    const mark = await auditMark(h.db.database);
    const refused = await keyed(d.publicist, 'POST', `/api/reports/${report.id}/approve`, {}, k2);
    expect(refused.statusCode).toBe(403);
    expect(seen(await keyed(d.publicist, 'POST', `/api/reports/${report.id}/approve`, {}, k2))).toEqual(seen(refused));
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 0, refusals: 1 });
    // Text the system does not store, in a keyed body: refused before the key is taken, and the key stays free.
    const k3 = randomUUID();
    expectError(await keyed(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: 'bad \uD800 text' }, k3), 400);
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k3))).toHaveLength(0);
    expect((await keyed(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '资金未到位' }, k3)).statusCode).toBe(200);
  });

  it('runs a key again once its 24 hours are over; the midnight job deletes such keys', async () => {
    const task = await newTask();
    const key = randomUUID();
    const body = { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10' };
    expect((await keyed(d.liaisonA, 'POST', '/api/reports', body, key)).statusCode).toBe(200);
    const mine = and(eq(idempotencyKeys.userId, d.liaisonA.id), eq(idempotencyKeys.key, key));
    await db().update(idempotencyKeys).set({ createdAt: sql`${idempotencyKeys.createdAt} - interval '24 hours 1 second'` }).where(mine);
    // Run as new: the report exists now, so this run is refused, where a repeat would have been the 200.
    const late = await keyed(d.liaisonA, 'POST', '/api/reports', body, key);
    expectError(late, 409, 'report_exists');
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    await db().update(idempotencyKeys).set({ createdAt: sql`${idempotencyKeys.createdAt} - interval '25 hours'` }).where(mine);
    const r = await runMidnightJob(h.db.database);
    expect(r.droppedKeys).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(idempotencyKeys).where(mine)).toHaveLength(0);
  });
});

describe.each(DATABASE_KINDS)('Idempotency-Key and server faults on %s', (kind) => {
  // A route that writes and then fails as the test says: what a fault after the write leaves.
  let h: Harness;
  let app: App;
  let d: District;
  let runs = 0;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    app = await buildApp({ database: h.db.database, logLevel: 'silent' });
    app.post('/api/test/fault', { config: { idempotent: true } }, async (req) => {
      runs++;
      const { name, fail } = req.body as { name: string; fail: boolean };
      await inTx(req.ctx, async (tx) => {
        await tx.insert(settings).values({ key: name, value: { runs } });
        await recordAudit(tx, req.ctx, 'test.written', { entity: 'setting', entityId: name });
      });
      if (fail) throw new Error('fault after the write');
      return { runs };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const call = (body: unknown, key: string) => app.inject({ method: 'POST', url: '/api/test/fault', payload: body as object, headers: { ...d.liaisonA.session.headers, 'idempotency-key': key } });
  const setting = async (name: string) => h.db.database.db.select().from(settings).where(eq(settings.key, name));

  it('rolls a write back with its failed answer (5xx), keeps no key, and lets the retry run', async () => {
    const key = randomUUID();
    const mark = await auditMark(h.db.database);
    expect((await call({ name: 'fault-1', fail: true }, key)).statusCode).toBe(500);
    expect(await setting('fault-1')).toHaveLength(0);
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 0, refusals: 0 });
    const before = runs;
    // The retry may differ (the client cannot know what ran): the key was never kept.
    const ok = await call({ name: 'fault-1', fail: false }, key);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(runs).toBe(before + 1);
    expect(await setting('fault-1')).toHaveLength(1);
    expect((await call({ name: 'fault-1', fail: false }, key)).json()).toEqual(ok.json());
    expect(runs).toBe(before + 1);
    expect(await recordsSince(h.db.database, mark)).toEqual({ changes: 1, refusals: 0 });
  });

  it('keeps no key and no write when the write itself fails', async () => {
    const key = randomUUID();
    expect((await call({ name: 'fault-2', fail: false }, key)).statusCode).toBe(200);
    // The same name again is a unique violation inside the write: 409, kept; nothing written twice.
    const other = randomUUID();
    const dup = await call({ name: 'fault-2', fail: false }, other);
    expect(dup.statusCode).toBe(409);
    expect((await call({ name: 'fault-2', fail: false }, other)).headers['idempotent-replayed']).toBe('true');
    expect(await setting('fault-2')).toHaveLength(1);
  });
});
