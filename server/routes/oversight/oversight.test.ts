import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/enums.js';
import { now } from '../../clock.js';
import { auditLog, blockers, lightChanges } from '../../db/schema/index.js';
import { send, snapshot, told, type ApiRequest } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { loginAs, makeUser, type Session } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { makeLedgerEntry } from '../../testing/inspectionCalls.js';
import { makeOversightCase, OVERSIGHT_ROUTE_CALLS } from '../../testing/oversightCalls.js';
import { reportingApi, today } from '../../testing/reportingCalls.js';
import { callEnv, type CallEnv } from '../../testing/routeCalls.js';
import { makeDistrict, makePerson, makeTask, type District, type Person } from '../../testing/workFactories.js';


const OUTSIDERS = ROLES.filter((r) => r !== 'oversight');
/** On PostgreSQL a sample of them (the suite's time): who run, lead, administer and audit. */
const SAMPLE: readonly Role[] = ['leader', 'hq_office', 'liaison', 'sysadmin', 'auditor'];
const LONE_SURROGATE = 'a\uD800b';
const CONTROL = 'a\u0007b';

describe.each(DATABASE_KINDS)('oversight cases (问题线索) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let env: CallEnv;
  let overseer: Person;
  let overseer2: Person;
  let auditor: Person;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    env = callEnv(h.app, h.db.database);
    overseer = await makePerson(h.app, h.db.database, [{ role: 'oversight' }], d.unitB.id);
    overseer2 = await makePerson(h.app, h.db.database, [{ role: 'oversight' }], d.unitB.id);
    auditor = await makePerson(h.app, h.db.database, [{ role: 'auditor' }], d.unitB.id);
  });
  afterAll(async () => h?.close());

  const create = (body: Record<string, unknown>, status = 200, code?: string) =>
    api.write(overseer, 'POST', '/api/oversight/cases', { category: 'conduct', title: '推诿扯皮问题线索', ...body }, status, code);
  const step = (id: string, action: string, body: Record<string, unknown>, status = 200, code?: string) => api.write(overseer, 'POST', `/api/oversight/cases/${id}/${action}`, body, status, code);
  const redTask = (unitId: string, workdays = 12) => makeTask(h.db.database, d.plan.id, [{ unitId }], { light: 'red', lightReasons: [{ code: 'overdue', level: 'red', params: { workdays } }] });
  const oldBlocker = async (daysAgo: number) => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const [b] = await h.db.database.db
      .insert(blockers)
      .values({ itemType: 'task', itemId: task.id, unitId: d.unitA.id, title: `审批卡在区级-${randomUUID().slice(0, 6)}`, level: 'hq', levelSince: new Date(now().getTime() - daysAgo * 86_400_000) })
      .returning();
    return b!;
  };

  it('takes a case opened from a red task through verification, handling (a disposal required) and closing, with notes by their authors', async () => {
    const task = await redTask(d.unitA.id);
    const made = (await create({ source: { kind: 'overdue', id: task.id }, keyLink: 'delivery', summary: '逾期十二个工作日仍未开工' })).json();
    const id = made.data.id as string;
    expect(made.data).toMatchObject({ status: 'received', unitId: d.unitA.id, unitName: d.unitA.name, sourceKind: 'overdue', sourceId: task.id, sourceTitle: `${task.code} ${task.title}`, keyLink: 'delivery', notes: [] });
    expect(made.policies).toEqual({ verify: true, handle: false, close: false, note: true });

    // Out of order and stale: 409 naming the state and the step, in Chinese.
    expect((await step(id, 'handle', { version: 0, disposal: 'criticism', disposalText: '批评教育' }, 409, 'case_step_invalid')).json().error.message).toContain('已受理');
    const verified = (await step(id, 'verify', { version: 0, comment: '已调取审批记录' })).json().data;
    expect(verified).toMatchObject({ status: 'verifying', notes: [{ content: '已调取审批记录', authorId: overseer.id }] });
    await step(id, 'handle', { version: 0, disposal: 'criticism', disposalText: 'x' }, 409, 'version_conflict');
    // The disposal is required when handling: 400 naming the field.
    expect((await step(id, 'handle', { version: 1, disposalText: '批评教育' }, 400, 'validation')).json().error.fields).toHaveProperty('disposal');
    expect((await step(id, 'handle', { version: 1, disposal: 'criticism' }, 400, 'validation')).json().error.message).toContain('处置情况');

    const note = (await api.write(overseer2, 'POST', `/api/oversight/cases/${id}/notes`, { content: '约谈项目负责人' }, 200)).json().data;
    expect(note.notes.map((n: { content: string; authorId: string }) => [n.content, n.authorId])).toEqual([
      ['已调取审批记录', overseer.id],
      ['约谈项目负责人', overseer2.id],
    ]);
    const handled = (await step(id, 'handle', { version: 1, disposal: 'talk_reminder', disposalText: '对项目负责人谈话提醒' })).json();
    expect(handled.data).toMatchObject({ status: 'handled', disposal: 'talk_reminder', disposalText: '对项目负责人谈话提醒' });
    expect(handled.policies).toEqual({ verify: false, handle: false, close: true, note: true });
    expect((await step(id, 'close', { version: 2 })).json().data).toMatchObject({ status: 'closed' });
    expect((await api.get(overseer, `/api/oversight/cases/${id}`)).json().data.closedAt).toEqual(expect.any(String));
    // A missing case is 404 to the oversight role too.
    expect((await send(h.app, { method: 'GET', url: `/api/oversight/cases/${randomUUID()}` }, overseer.session)).statusCode).toBe(404);
  });

  it('opens cases from a blocker, a ledger entry or by hand, refuses a source that is not what it is named, and lists them by filter', async () => {
    const b = await oldBlocker(30);
    const fromBlocker = (await create({ category: 'business_environment', source: { kind: 'blocker', id: b.id } })).json().data;
    expect(fromBlocker).toMatchObject({ unitId: d.unitA.id, sourceKind: 'blocker', sourceTitle: b.title });
    const entry = await makeLedgerEntry(h.db.database, d.unitB.id);
    expect((await create({ category: 'corruption', source: { kind: 'ledger', id: entry.id } })).json().data).toMatchObject({ unitId: d.unitB.id, sourceKind: 'ledger' });
    expect((await create({ category: 'other', title: '手工登记' })).json().data).toMatchObject({ unitId: null, sourceKind: 'entered', sourceId: null });
    const green = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { light: 'green' });
    expect((await create({ source: { kind: 'red_light', id: green.id } }, 422)).json().error.fields).toHaveProperty(['source.id']);
    await create({ source: { kind: 'ledger', id: randomUUID() } }, 422);
    await create({ source: { kind: 'complaint', id: randomUUID() } }, 400, 'validation');
    await create({ unitId: randomUUID() }, 422);

    const list = (await api.get(overseer, '/api/oversight/cases?source=blocker&perPage=200')).json();
    expect(list.data.map((c: { id: string }) => c.id)).toContain(fromBlocker.id);
    expect(list.data.every((c: { sourceKind: string }) => c.sourceKind === 'blocker')).toBe(true);
    expect(list.policies).toEqual({ read: true, create: true, note: true, verify: true, handle: true, close: true });
    const corrupt = (await api.get(overseer, '/api/oversight/cases?category=corruption&status=received')).json();
    expect(corrupt.page.total).toBeGreaterThanOrEqual(1);
    expect(corrupt.data.every((c: { category: string; status: string }) => c.category === 'corruption' && c.status === 'received')).toBe(true);
    expect((await api.get(overseer, '/api/oversight/cases?status=lost')).statusCode).toBe(400);
    // Search by words of the title or summary (a LIKE wildcard is a character, not a pattern).
    const byWords = (await api.get(overseer, `/api/oversight/cases?q=${encodeURIComponent('手工登')}`)).json().data as { title: string }[];
    expect(byWords.length).toBeGreaterThan(0);
    expect(byWords.every((c) => c.title.includes('手工登'))).toBe(true);
    expect((await api.get(overseer, '/api/oversight/cases?q=%25%25')).json().page.total).toBe(0);
  });

  it('watches items red or overdue past the threshold and blockers stuck at a level, marking those with an open case', async () => {
    const late = await redTask(d.unitA.id, 15);
    const fresh = await redTask(d.unitA.id, 2);
    // Red two days ago by the recorded history: not yet on a 10-workday watch.
    await h.db.database.db.insert(lightChanges).values({ itemType: 'task', itemId: fresh.id, fromLight: 'green', toLight: 'red', at: new Date(now().getTime() - 2 * 86_400_000) });
    const stuck = await oldBlocker(40);
    const moving = await oldBlocker(0);
    const watch = (await api.get(overseer, '/api/oversight/watch')).json().data;
    expect(watch.days).toBe(10);
    const item = watch.items.find((i: { itemId: string }) => i.itemId === late.id);
    expect(item).toMatchObject({ itemType: 'task', source: 'overdue', overdueWorkdays: 15, unitId: d.unitA.id, openCaseId: null });
    expect(watch.items.some((i: { itemId: string }) => i.itemId === fresh.id)).toBe(false);
    expect(watch.blockers.find((x: { blockerId: string }) => x.blockerId === stuck.id)).toMatchObject({ level: 'hq', openCaseId: null });
    expect(watch.blockers.some((x: { blockerId: string }) => x.blockerId === moving.id)).toBe(false);
    // With a threshold of 0 the fresh ones show too.
    const all = (await api.get(overseer, '/api/oversight/watch?days=0')).json().data;
    expect(all.items.some((i: { itemId: string }) => i.itemId === fresh.id)).toBe(true);
    expect(all.blockers.some((x: { blockerId: string }) => x.blockerId === moving.id)).toBe(true);
    // One step: open a case from the row, and the row names it.
    const c = (await create({ source: { kind: item.source, id: late.id } })).json().data;
    const after = (await api.get(overseer, '/api/oversight/watch')).json().data;
    expect(after.items.find((i: { itemId: string }) => i.itemId === late.id).openCaseId).toBe(c.id);
    const bad = await send(h.app, { method: 'GET', url: '/api/oversight/watch?days=-1' }, overseer.session);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('天数');
  });

  it('counts 遏增清存: new and closed in the period, the stock at its start and end', async () => {
    const year = today().slice(0, 4);
    const before = (await api.get(overseer, `/api/oversight/figures?from=${year}-01-01&to=${today()}`)).json().data;
    expect(before.stockAtEnd).toBe(before.stockAtStart + before.opened - before.closed);
    await makeOversightCase(h.db.database, { status: 'received' });
    await makeOversightCase(h.db.database, { status: 'closed' });
    const after = (await api.get(overseer, `/api/oversight/figures?from=${year}-01-01&to=${today()}`)).json().data;
    expect(after).toMatchObject({ opened: before.opened + 2, closed: before.closed + 1, stockAtEnd: before.stockAtEnd + 1, stockAtStart: before.stockAtStart });
    const wrong = await send(h.app, { method: 'GET', url: '/api/oversight/figures?from=2026-05-01&to=2026-04-01' }, overseer.session);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('结束日期');
  });

  it('refuses unstorable text (lone surrogates, control characters) with a 400 naming the field, in Chinese', async () => {
    const c = await makeOversightCase(h.db.database);
    for (const [req, field] of [
      [{ method: 'POST', url: '/api/oversight/cases', payload: { category: 'conduct', title: LONE_SURROGATE } }, 'title'],
      [{ method: 'POST', url: '/api/oversight/cases', payload: { category: 'conduct', title: '线索', summary: CONTROL } }, 'summary'],
      [{ method: 'POST', url: `/api/oversight/cases/${c.id}/notes`, payload: { content: CONTROL } }, 'content'],
      [{ method: 'GET', url: `/api/oversight/cases?q=${encodeURIComponent(CONTROL)}` }, 'q'],
      [{ method: 'GET', url: `/api/oversight/cases/a%07b` }, 'id'],
    ] as [ApiRequest, string][]) {
      const before = await snapshot(h.db.database);
      const res = await send(h.app, req, overseer.session);
      expect(res.statusCode, res.body).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
      expect(res.json().error.message).toMatch(/输入有误/);
      expect(await snapshot(h.db.database)).toEqual(before);
    }
  });

  describe('confidentiality, as an attack', () => {
    /** The answer of a URL no route serves, to the same session and with the same method and body. */
    const missing = (req: ApiRequest, session: Session | null) => send(h.app, { ...req, url: req.url.replace(/^\/api\/oversight/, '/api/nope') }, session);

    it('answers every role but oversight, on every route with real cases, exactly as a missing route, and changes nothing', async () => {
      const wrong: string[] = [];
      for (const [key, build] of Object.entries(OVERSIGHT_ROUTE_CALLS)) {
        for (const role of kind === 'embedded' ? OUTSIDERS : SAMPLE) {
          const { req, session } = await build(env, role);
          const before = await snapshot(h.db.database);
          // Twice: a replay learns no more than the first try.
          for (let i = 0; i < 2; i++) {
            const got = told(await send(h.app, req, session));
            const expected = told(await missing(req, session));
            if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${key} as ${role}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
          }
          if (JSON.stringify(await snapshot(h.db.database)) !== JSON.stringify(before)) wrong.push(`${key} as ${role} wrote something`);
        }
        // Anonymous and with a forged session: 401, as for a missing API path.
        const { req } = await build(env, 'oversight');
        for (const headers of [{}, { cookie: 'tuijin_sid=forged', 'x-csrf-token': 'x' }] as Record<string, string>[]) {
          const got = told(await send(h.app, { ...req, headers }));
          const expected = told(await missing({ ...req, headers }, null));
          expect(got.status).toBe(401);
          if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${key} anonymous: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('tells an outsider nothing by a real id, a random one, a spelling, a bad body or a method', async () => {
      const real = await makeOversightCase(h.db.database, { status: 'verifying' });
      const wrong: string[] = [];
      for (const role of ['leader', 'sysadmin', 'auditor', 'hq_office', 'inspector'] as Role[]) {
        const session = await env.session(role);
        const probes: ApiRequest[] = [
          { method: 'GET', url: `/api/oversight/cases/${real.id}` },
          { method: 'GET', url: `/api/oversight/cases/${randomUUID()}` },
          { method: 'GET', url: `/api/oversight/cases/${real.id.toUpperCase()}` },
          { method: 'GET', url: `/api/%6Fversight/cases/${real.id}` },
          { method: 'GET', url: `/api/oversight/cases/%${real.id}` },
          { method: 'GET', url: `/api/oversight/cases/a%07b` },
          { method: 'GET', url: `/api/oversight/cases/%ED%A0%80` },
          { method: 'GET', url: `/api/oversight//cases/./${real.id}` },
          { method: 'POST', url: `/api/oversight/cases/${real.id}/verify`, payload: { version: 0 }, headers: { 'x-csrf-token': 'wrong' } },
          { method: 'GET', url: `/api/oversight/cases?status=closed&perPage=1` },
          { method: 'GET', url: `/api/oversight/cases?status=nonsense` },
          { method: 'GET', url: `/api/oversight/cases?q=${encodeURIComponent(CONTROL)}` },
          { method: 'GET', url: `/api/oversight/figures?from=bad` },
          { method: 'GET', url: `/api/oversight/watch?days=-5` },
          { method: 'POST', url: `/api/oversight/cases/${real.id}/handle`, payload: { version: 1, disposal: 'referred', disposalText: '移送' } },
          { method: 'POST', url: `/api/oversight/cases/${real.id}/notes`, payload: { content: LONE_SURROGATE } },
          { method: 'POST', url: `/api/oversight/cases`, payload: { category: 'nonsense', title: CONTROL } },
          { method: 'POST', url: `/api/oversight/cases`, payload: '{not json', headers: { 'content-type': 'application/json' } },
          { method: 'POST', url: `/api/oversight/cases`, payload: 'x', headers: { 'content-type': 'text/plain' } },
          { method: 'POST', url: `/api/oversight/cases`, payload: '{}', headers: { 'content-type': 'application/json; charset=utf-16' } },
          { method: 'DELETE', url: `/api/oversight/cases/${real.id}` },
        ];
        for (const probe of probes) {
          const got = told(await send(h.app, probe, session));
          const expected = told(await missing(probe, session));
          if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${probe.method} ${probe.url} as ${role}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
        }
        for (const method of ['GET', 'HEAD'] as const) {
          const got = await h.app.inject({ method, url: `/api/oversight/cases/${real.id}`, headers: session.headers });
          const expected = await h.app.inject({ method, url: `/api/nope/cases/${real.id}`, headers: session.headers });
          if (JSON.stringify(told(got)) !== JSON.stringify(told(expected))) wrong.push(`${method} as ${role}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('keeps a case out of the feed, the dashboard and the audit payloads, and the auditor cannot find one by its id', async () => {
      const marker = `机密线索-${randomUUID()}`;
      const secret = `机密内容-${randomUUID()}`;
      const c = (await create({ title: marker, summary: secret, source: undefined })).json().data;
      await step(c.id, 'verify', { version: 0, comment: secret });
      await api.write(overseer, 'POST', `/api/oversight/cases/${c.id}/notes`, { content: secret }, 200);
      await step(c.id, 'handle', { version: 1, disposal: 'referred', disposalText: secret });
      await step(c.id, 'close', { version: 2, comment: secret });

      const records = await h.db.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'oversight_case'), eq(auditLog.entityId, c.id)));
      expect(records.map((r) => r.action).sort()).toEqual(['oversight_case.closed', 'oversight_case.handled', 'oversight_case.noted', 'oversight_case.received', 'oversight_case.verification_started']);
      for (const r of records) expect(JSON.stringify(r)).not.toMatch(/机密/);

      const reads: [Person | Session, string][] = [
        [auditor, '/api/audit?perPage=200'],
        [auditor, '/api/audit?perPage=200&entity=oversight_case'],
        [d.leader, '/api/feed'],
        [d.hq, '/api/feed'],
        [d.leader, '/api/dashboard'],
        [d.hq, '/api/dashboard'],
        [overseer, '/api/feed'],
        [overseer, '/api/dashboard'],
      ];
      for (const [who, url] of reads) {
        const res = await send(h.app, { method: 'GET', url }, 'session' in who ? who.session : who);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        expect(res.body, url).not.toContain('机密');
        expect(res.body, url).not.toContain(c.id);
      }
      const mine = (await send(h.app, { method: 'GET', url: '/api/audit?perPage=50&entity=oversight_case' }, auditor.session)).json().data;
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) expect(r).toMatchObject({ entityId: null, before: null, after: null, subject: null });
      expect(mine[0].sentence).toMatch(/问题线索/);
      // Trying a case's id finds nothing; the chain stays whole.
      expect((await send(h.app, { method: 'GET', url: `/api/audit?entityId=${c.id}` }, auditor.session)).json().page.total).toBe(0);
      expect((await send(h.app, { method: 'GET', url: '/api/audit/verify' }, auditor.session)).json().data.intact).toBe(true);
      // The API document every signed-in user reads does not name the routes.
      const docs = await send(h.app, { method: 'GET', url: '/api/docs/json' }, await loginAs(h.app, await makeUser(h.db.database, [{ role: 'leader' }])));
      expect(docs.body).not.toContain('/api/oversight');
    });
  });
});
