import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRectifyDeadline } from '../../../domain/ledger.js';
import { areas, auditLog, blockerItems, blockers, evidence, evidenceUploads, fieldVisitFindings, fieldVisits, users } from '../../db/schema/index.js';
import { loadCalendar } from '../../queries/calendar.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { loginAs, makeUser } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { makeInspection, makeLedgerEntry } from '../../testing/inspectionCalls.js';
import { dayFrom, reportingApi, today } from '../../testing/reportingCalls.js';
import { makeDistrict, makePerson, makeProject, makeTask, type District, type Person } from '../../testing/workFactories.js';

type Step = 'acknowledge' | 'rectify' | 'verify' | 'close' | 'reopen';

describe.each(DATABASE_KINDS)('the 督查 ledger on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let inspector: Person;
  let inspector2: Person;
  /** Liaison of unit A who also inspects: may not verify what they rectified. */
  let liaisonInspectorA: Person;
  /** Sees every entry (oversight) and works for unit B: a unit step on A's entry names A. */
  let oversightLiaisonB: Person;
  let sysadmin: Person;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    const person = (roles: Parameters<typeof makePerson>[2], unitId: string) => makePerson(h.app, h.db.database, roles, unitId);
    inspector = await person([{ role: 'inspector' }], d.unitB.id);
    inspector2 = await person([{ role: 'inspector' }], d.unitB.id);
    liaisonInspectorA = await person([{ role: 'liaison', unitId: d.unitA.id }, { role: 'inspector' }], d.unitA.id);
    oversightLiaisonB = await person([{ role: 'liaison', unitId: d.unitB.id }, { role: 'oversight' }], d.unitB.id);
    sysadmin = await person([{ role: 'sysadmin' }], d.unitB.id);
  });
  afterAll(async () => h?.close());

  const create = (body: Record<string, unknown>, status = 200, code?: string) => api.write(inspector, 'POST', '/api/ledger', { keyLink: 'delivery', finding: '进度滞后于序时', requirement: '制定赶超计划', ...body }, status, code);
  const act = (who: Person, id: string, action: Step, body: Record<string, unknown> | undefined, status = 200, code?: string) => api.write(who, 'POST', `/api/ledger/${id}/${action}`, body, status, code);
  const redTask = (unitId: string) => makeTask(h.db.database, d.plan.id, [{ unitId }], { light: 'red', lightReasons: [{ code: 'overdue', level: 'red', params: { workdays: 3 } }] });
  /** A file in the evidence store, uploaded by `who`. */
  const upload = async (who: Person, name: string) => {
    const bytes = Buffer.from(`整改佐证 ${randomUUID()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await h.db.database.db.insert(evidence).values({ sha256, size: bytes.length, mime: 'application/pdf', content: bytes, createdById: who.id });
    await h.db.database.db.insert(evidenceUploads).values({ sha256, userId: who.id, name });
    return sha256;
  };

  it('takes an entry from a red task through rectification, a failed verification, a reopening, and to its close', async () => {
    const task = await redTask(d.unitA.id);
    const made = (await create({ source: { kind: 'red_light', id: task.id } })).json();
    const id = made.data.id as string;
    const deadline = defaultRectifyDeadline(await loadCalendar(h.db.database.db), today());
    expect(made.data).toMatchObject({ status: 'open', unitId: d.unitA.id, unitName: d.unitA.name, sourceKind: 'red_light', sourceId: task.id, deadline, overdue: false, verdict: null });
    expect(made.data.items).toEqual([{ itemType: 'task', itemId: task.id, title: task.title }]);
    expect(made.policies).toEqual({ acknowledge: false, rectify: false, verify: false, close: false, reopen: false });
    expect((await api.get(d.liaisonA, `/api/ledger/${id}`)).json().policies).toEqual({ acknowledge: true, rectify: true, verify: false, close: false, reopen: false });

    expect((await act(d.liaisonA, id, 'acknowledge', { version: 0 })).json().data).toMatchObject({ status: 'rectifying', acknowledgedById: d.liaisonA.id });
    const photo = await upload(d.liaisonA, '整改前后对比.pdf');
    const first = (await act(d.liaisonA, id, 'rectify', { version: 1, measures: '已倒排工期，增加施工班组', evidence: [photo] })).json().data;
    expect(first).toMatchObject({ status: 'submitted', measures: '已倒排工期，增加施工班组', rectifiedById: d.liaisonA.id });
    expect(first.evidence).toMatchObject([{ sha256: photo, name: '整改前后对比.pdf', mime: 'application/pdf' }]);
    // The inspector may open the rectification's evidence; another unit may not.
    expect((await api.get(inspector, `/api/evidence/${photo}`)).statusCode).toBe(200);
    expect((await api.get(d.liaisonB, `/api/evidence/${photo}`)).statusCode).toBe(404);

    const failed = await act(inspector, id, 'verify', { version: 2, verdict: 'not_effective', comment: '现场核查，进度仍未追上' });
    expect(failed.json().data).toMatchObject({ status: 'verified', verdict: 'not_effective', verifyComment: '现场核查，进度仍未追上', verifiedById: inspector.id });
    expect(failed.json().policies).toEqual({ acknowledge: false, rectify: false, verify: false, close: false, reopen: true });
    const notClosed = await act(inspector, id, 'close', { version: 3 }, 409, 'ledger_close_not_effective');
    expect(notClosed.json().error.message).toContain('整改无效');
    expect((await act(inspector, id, 'reopen', { version: 3, reason: '请继续整改，两周后复查' })).json().data).toMatchObject({ status: 'rectifying', reopenCount: 1, reopenReason: '请继续整改，两周后复查' });

    // Another person of the unit submits again, keeping the file a colleague attached.
    const again = (await act(d.headA, id, 'rectify', { version: 4, measures: '已追上序时进度', evidence: [photo] })).json().data;
    expect(again).toMatchObject({ status: 'submitted', rectifiedById: d.headA.id, verdict: null });
    expect(again.evidence.map((e: { sha256: string }) => e.sha256)).toEqual([photo]);
    await act(inspector2, id, 'verify', { version: 5, verdict: 'effective', comment: '复查达到要求' });
    const closed = (await act(inspector, id, 'close', { version: 6 })).json();
    expect(closed.data).toMatchObject({ status: 'closed', closedById: inspector.id });
    expect(closed.policies).toEqual({ acknowledge: false, rectify: false, verify: false, close: false, reopen: true });
    // The unit reads the whole trail, the failed round included, though the row keeps only the last.
    const trail = (await api.get(d.liaisonA, `/api/ledger/${id}`)).json().data.trail as { action: string; verdict: string | null; text: string | null; actorName: string | null }[];
    expect(trail.map((s) => [s.action, s.verdict, s.text])).toEqual([
      ['created', null, made.data.finding],
      ['acknowledged', null, null],
      ['rectified', null, '已倒排工期，增加施工班组'],
      ['verified', 'not_effective', '现场核查，进度仍未追上'],
      ['reopened', null, '请继续整改，两周后复查'],
      ['rectified', null, '已追上序时进度'],
      ['verified', 'effective', '复查达到要求'],
      ['closed', null, null],
    ]);
    expect(trail.every((s) => typeof s.actorName === 'string')).toBe(true);
    expect((await api.get(d.liaisonA, `/api/ledger?unit=${d.unitA.id}`)).json().data[0]).not.toHaveProperty('trail');

    const audit = await h.db.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.entity, 'ledger')));
    // The auditor reads the records by the finding they concern.
    const auditor = await makeUser(h.db.database, [{ role: 'auditor' }]);
    const records = (await api.get({ id: auditor.id, session: await loginAs(h.app, auditor) }, `/api/audit?entity=ledger&entityId=${id}`)).json().data;
    expect(records[0].sentence).toContain('督查台账');
    expect(records[0].subject).toBe('进度滞后于序时');
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['ledger.created', 'ledger.acknowledged', 'ledger.rectified', 'ledger.verified', 'ledger.reopened', 'ledger.rectified', 'ledger.verified', 'ledger.closed'].sort(),
    );
  });

  it('takes the unit and items from a blocker, refuses sources that are not what they are named, and needs a unit when the source names none', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }]);
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitA.id);
    const [b] = await h.db.database.db.insert(blockers).values({ itemType: 'task', itemId: task.id, unitId: d.unitB.id, title: '用地指标未落实' }).returning();
    await h.db.database.db.insert(blockerItems).values([{ blockerId: b!.id, itemType: 'task', itemId: task.id }, { blockerId: b!.id, itemType: 'project', itemId: project.id }]);
    const fromBlocker = (await create({ source: { kind: 'blocker', id: b!.id }, keyLink: 'implementation', deadline: dayFrom(20) })).json().data;
    expect(fromBlocker).toMatchObject({ unitId: d.unitB.id, sourceKind: 'blocker', deadline: dayFrom(20) });
    expect(fromBlocker.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([task.id, project.id].sort());

    // A task that is neither red nor overdue is not a red-light or an overdue source.
    const green = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { light: 'green' });
    expect((await create({ source: { kind: 'red_light', id: green.id } }, 422, 'ledger_source_not_red')).json().error.fields).toHaveProperty(['source.id']);
    await create({ source: { kind: 'overdue', id: green.id } }, 422, 'ledger_source_not_overdue');
    expect((await create({ source: { kind: 'overdue', id: (await redTask(d.unitA.id)).id } })).json().data.sourceKind).toBe('overdue');
    await create({ source: { kind: 'blocker', id: randomUUID() } }, 422, 'ledger_source_unknown');
    await create({ source: { kind: 'red_light', id: randomUUID() } }, 422, 'ledger_source_unknown');

    const [visit] = await h.db.database.db.insert(fieldVisits).values({ bodyId: d.tfBody.id, visitedOn: today(), place: '化工园区' }).returning();
    const [finding] = await h.db.database.db.insert(fieldVisitFindings).values({ visitId: visit!.id, position: 1, text: '园区消防通道堵塞' }).returning();
    const noUnit = await create({ source: { kind: 'field_visit', id: finding!.id } }, 422, 'ledger_unit_required');
    expect(noUnit.json().error.message).toContain('调研发现的问题');
    expect((await create({ source: { kind: 'field_visit', id: finding!.id }, unitId: d.unitA.id })).json().data).toMatchObject({ unitId: d.unitA.id, sourceKind: 'field_visit', items: [] });
    await create({ unitId: d.unitA.id }, 200);
    await create({}, 422, 'ledger_unit_required');
    await create({ unitId: randomUUID() }, 422, 'reference_invalid');
    await create({ unitId: d.unitA.id, inspectionId: randomUUID() }, 422, 'reference_invalid');
    const campaign = await makeInspection(h.db.database, [d.unitB.id], { title: '安全生产专项督查' });
    expect((await create({ unitId: d.unitA.id, inspectionId: campaign.id }, 422, 'ledger_unit_outside_campaign')).json().error.message).toContain('安全生产专项督查');
    expect((await create({ source: { kind: 'blocker', id: b!.id }, inspectionId: campaign.id })).json().data).toMatchObject({ inspectionId: campaign.id, inspectionTitle: '安全生产专项督查' });
    await create({ unitId: d.unitA.id, items: [{ itemType: 'project', itemId: task.id }] }, 422, 'reference_invalid');
    await create({ unitId: d.unitA.id, deadline: dayFrom(-3) }, 422, 'ledger_deadline_past');
    await create({ unitId: d.unitA.id, keyLink: 'oversight' }, 400, 'validation');
    await create({ unitId: d.unitA.id, finding: '\ud800' }, 400);
    // Only inspectors record findings.
    await api.write(d.hq, 'POST', '/api/ledger', { unitId: d.unitA.id, keyLink: 'planning', finding: '越权', requirement: '越权' }, 403, 'forbidden');
  });

  it('refuses each step to whoever may not take it, with the reason', async () => {
    const task = await redTask(d.unitA.id);
    const id = (await create({ source: { kind: 'red_light', id: task.id } })).json().data.id as string;
    // Another unit's entry is as missing as one that does not exist.
    const missing = await act(d.liaisonB, randomUUID(), 'acknowledge', {}, 404, 'not_found');
    const other = await act(d.liaisonB, id, 'acknowledge', {}, 404, 'not_found');
    expect(other.json().error).toEqual(missing.json().error);
    expect((await api.get(d.liaisonB, `/api/ledger/${id}`)).statusCode).toBe(404);
    expect((await api.get(d.otherTaskForce, `/api/ledger/${id}`)).statusCode).toBe(404);
    expect((await api.get(d.taskForce, `/api/ledger/${id}`)).statusCode).toBe(200);
    // Someone who sees it but works for another unit is told whose step it is.
    const notUnit = await act(oversightLiaisonB, id, 'rectify', { measures: '代为整改' }, 403, 'ledger_not_unit');
    expect(notUnit.json().error.message).toContain(d.unitA.name);
    // Never verified: nothing to close, and the refusal names the state.
    const early = await act(inspector, id, 'close', {}, 409, 'ledger_step_invalid');
    expect(early.json().error.message).toContain('待整改');
    await act(inspector, id, 'verify', { verdict: 'effective', comment: '未整改' }, 409, 'ledger_step_invalid');

    // Evidence is what the unit may attach: not a file another unit uploaded.
    const theirs = await upload(d.liaisonB, '他单位文件.pdf');
    const bad = await act(d.liaisonA, id, 'rectify', { version: 0, measures: '已整改', evidence: [theirs] }, 422, 'evidence_unknown');
    expect(bad.json().error.fields).toHaveProperty(['evidence.0']);
    // The one who rectified does not verify it, whatever else they hold.
    await act(liaisonInspectorA, id, 'rectify', { version: 0, measures: '已整改到位' });
    // A replay of the same submission is stale; without a version it meets the entry's new state.
    await act(liaisonInspectorA, id, 'rectify', { version: 0, measures: '重复提交' }, 409, 'version_conflict');
    await act(liaisonInspectorA, id, 'rectify', { measures: '重复提交' }, 409, 'ledger_step_invalid');
    const own = await act(liaisonInspectorA, id, 'verify', { version: 1, verdict: 'effective', comment: '自查通过' }, 403, 'ledger_verify_own');
    expect(own.json().error.message).toContain('其他督查人员');
    // A replay with a stale version.
    await act(inspector, id, 'verify', { version: 0, verdict: 'effective', comment: '通过' }, 409, 'version_conflict');
    await act(inspector, id, 'verify', { version: 1, verdict: 'effective' }, 400, 'validation');
    await act(inspector, id, 'verify', { version: 1, verdict: 'effective', comment: '通过' });
    await act(d.liaisonA, id, 'close', {}, 403, 'forbidden');
    await act(d.leader, id, 'reopen', { reason: '越权' }, 403, 'forbidden');
    // The separated administrators and the publicity office read no ledger.
    for (const who of [sysadmin, d.publicist]) expect((await api.get(who, '/api/ledger')).statusCode).toBe(403);
  });

  it('keeps one verdict when two inspectors verify the same rectification at once', async () => {
    const entry = await makeLedgerEntry(h.db.database, d.unitA.id, { status: 'submitted' });
    const verify = (who: Person, verdict: string) =>
      api.call(who, 'POST', `/api/ledger/${entry.id}/verify`, { version: entry.version, verdict, comment: `${verdict}：现场核查` });
    const answers = await Promise.all([verify(inspector, 'effective'), verify(inspector2, 'not_effective')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const won = answers.find((a) => a.statusCode === 200)!.json().data;
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('version_conflict');
    expect((await api.get(d.leader, `/api/ledger/${entry.id}`)).json().data).toMatchObject({ status: 'verified', verdict: won.verdict, version: entry.version + 1 });
    const records = await h.db.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, entry.id), eq(auditLog.entity, 'ledger')));
    expect(records.map((r) => r.action)).toEqual(['ledger.verified']);
  });

  it('lists entries by campaign, unit, key link, status and lateness, each reader its own share', async () => {
    const campaign = await makeInspection(h.db.database, [d.unitA.id, d.unitB.id]);
    const inA = await makeLedgerEntry(h.db.database, d.unitA.id, { over: { inspectionId: campaign.id, keyLink: 'planning', deadline: dayFrom(-5) } });
    const inARectified = await makeLedgerEntry(h.db.database, d.unitA.id, { status: 'submitted', over: { inspectionId: campaign.id, deadline: dayFrom(-5) } });
    const inB = await makeLedgerEntry(h.db.database, d.unitB.id, { status: 'rectifying', over: { inspectionId: campaign.id, keyLink: 'delivery', deadline: dayFrom(10) } });
    const ids = async (who: Person, query: string) => {
      const res = (await api.get(who, `/api/ledger?campaign=${campaign.id}&${query}`)).json();
      expect(res.page.total).toBe(res.data.length);
      return res.data.map((e: { id: string }) => e.id).sort();
    };
    expect(await ids(inspector, '')).toEqual([inA.id, inARectified.id, inB.id].sort());
    expect(await ids(inspector, `unit=${d.unitB.id}`)).toEqual([inB.id]);
    expect(await ids(inspector, 'link=planning')).toEqual([inA.id]);
    expect(await ids(inspector, 'status=submitted')).toEqual([inARectified.id]);
    // Late: still owed and past its day; a submitted rectification is not late.
    expect(await ids(d.leader, 'overdue=true')).toEqual([inA.id]);
    expect(await ids(d.leader, 'overdue=false')).toEqual([inARectified.id, inB.id].sort());
    expect(await ids(d.liaisonA, '')).toEqual([inA.id, inARectified.id].sort());
    expect(await ids(d.headB, '')).toEqual([inB.id]);
    // A task force reads the entries on its plans' items.
    const onPlan = await makeLedgerEntry(h.db.database, d.unitB.id, { over: { inspectionId: campaign.id }, items: [{ itemType: 'task', itemId: (await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }])).id }] });
    expect(await ids(d.taskForce, '')).toEqual([onPlan.id]);
    expect(await ids(d.otherTaskForce, '')).toEqual([]);
    const page = (await api.get(inspector, `/api/ledger?campaign=${campaign.id}&perPage=3&page=2`)).json();
    expect(page.page).toEqual({ page: 2, perPage: 3, total: 4 });
    expect(page.data).toHaveLength(1);
    const entry = (await api.get(inspector, `/api/ledger/${inA.id}`)).json().data;
    expect(entry).toMatchObject({ overdue: true, inspectionId: campaign.id, inspectionTitle: campaign.title });
    expect((await api.get(inspector, '/api/ledger?overdue=maybe')).statusCode).toBe(400);
  });
});

describe.each(DATABASE_KINDS)('督查 campaigns on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let inspector: Person;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    inspector = await makePerson(h.app, h.db.database, [{ role: 'inspector' }], d.unitB.id);
  });
  afterAll(async () => h?.close());

  it('are planned by inspectors and the HQ office, and read by the units they inspect', async () => {
    const body = { kind: 'special', title: '营商环境专项督查', periodFrom: '2026-06-01', periodTo: '2026-07-31', unitIds: [d.unitA.id], inspectorIds: [inspector.id] };
    const made = (await api.write(inspector, 'POST', '/api/inspections', body, 200)).json();
    const id = made.data.id as string;
    expect(made.data).toMatchObject({ ...body, areaIds: [], version: 0, createdById: inspector.id });
    expect(made.policies).toEqual({ read: true, update: true });
    expect((await api.get(d.liaisonA, `/api/inspections/${id}`)).json().policies).toEqual({ read: true, update: false });
    expect((await api.get(d.liaisonB, `/api/inspections/${id}`)).statusCode).toBe(404);
    expect((await api.get(d.liaisonA, `/api/inspections?unit=${d.unitA.id}`)).json().data.map((c: { id: string }) => c.id)).toContain(id);
    expect((await api.get(d.liaisonB, '/api/inspections')).json().data.map((c: { id: string }) => c.id)).not.toContain(id);

    const edited = (await api.write(d.hq, 'PATCH', `/api/inspections/${id}`, { version: 0, unitIds: [d.unitA.id, d.unitB.id], kind: 'routine' }, 200)).json().data;
    expect(edited).toMatchObject({ kind: 'routine', unitIds: [d.unitA.id, d.unitB.id], title: body.title, version: 1 });
    expect((await api.get(d.liaisonB, `/api/inspections/${id}`)).statusCode).toBe(200);
    await api.write(inspector, 'PATCH', `/api/inspections/${id}`, { version: 0, title: '旧版本' }, 409, 'version_conflict');
    await api.write(inspector, 'PATCH', `/api/inspections/${id}`, { version: 1, periodTo: '2026-05-01' }, 422, 'inspection_period_range');
    await api.write(inspector, 'PATCH', `/api/inspections/${randomUUID()}`, { version: 0, title: '不存在' }, 404, 'not_found');
    await api.write(inspector, 'POST', '/api/inspections', { ...body, periodTo: '2026-05-01' }, 400, 'validation');
    const badUnit = await api.write(inspector, 'POST', '/api/inspections', { ...body, unitIds: [d.unitA.id, randomUUID()] }, 422, 'reference_invalid');
    expect(badUnit.json().error.fields).toHaveProperty(['unitIds.1']);
    await api.write(inspector, 'POST', '/api/inspections', { ...body, inspectorIds: [inspector.id, randomUUID()] }, 422, 'inspection_not_inspector');
    const notInspector = await api.write(inspector, 'POST', '/api/inspections', { ...body, inspectorIds: [d.liaisonA.id] }, 422, 'inspection_not_inspector');
    expect(notInspector.json().error.message).toContain('督查人员');
    await api.write(d.leader, 'POST', '/api/inspections', body, 403, 'forbidden');
    expect((await api.get(d.taskForce, '/api/inspections')).statusCode).toBe(403);
  });

  it('name the areas and items they look at, and inspectors picked from those holding the role', async () => {
    // The planner's list of who may inspect: inspectors only, a disabled one left out, names only.
    const away = await makeUser(h.db.database, [{ role: 'inspector' }], { displayName: '已停用督查员' });
    await h.db.database.db.update(users).set({ disabled: true }).where(eq(users.id, away.id));
    const listed = (await api.get(d.hq, '/api/inspections/inspectors')).json().data as { id: string; displayName: string }[];
    expect(listed.map((p) => p.id)).toContain(inspector.id);
    expect(listed.map((p) => p.id)).not.toContain(away.id);
    expect(listed.map((p) => p.id)).not.toContain(d.liaisonA.id);
    expect(Object.keys(listed[0]!).sort()).toEqual(['displayName', 'id']);
    expect((await api.get(d.liaisonA, '/api/inspections/inspectors')).statusCode).toBe(403);

    const [area] = await h.db.database.db.insert(areas).values({ programId: d.program.id, code: `A${Date.now()}`, name: '营商环境' }).returning();
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const project = await makeProject(h.db.database, d.plan.id, d.unitA.id);
    const items = [
      { itemType: 'task', itemId: task.id },
      { itemType: 'project', itemId: project.id },
      { itemType: 'task', itemId: task.id },
    ];
    const body = { kind: 'special', title: '重点项目专项督查', periodFrom: '2026-06-01', periodTo: '2026-07-31', unitIds: [d.unitA.id], areaIds: [area!.id], items, inspectorIds: [listed.find((p) => p.id === inspector.id)!.id] };
    const made = (await api.write(d.hq, 'POST', '/api/inspections', body, 200)).json().data;
    // Each item once, with the title it reads by; the unit inspected reads the same scope.
    const scope = [
      { itemType: 'task', itemId: task.id, title: task.title },
      { itemType: 'project', itemId: project.id, title: project.name },
    ];
    const name = listed.find((p) => p.id === inspector.id)!.displayName;
    expect(made).toMatchObject({ areaIds: [area!.id], items: scope, inspectorIds: [inspector.id], inspectorNames: [name] });
    expect((await api.get(d.liaisonA, `/api/inspections/${made.id}`)).json().data.items).toEqual(scope);
    expect((await api.get(d.hq, '/api/inspections?perPage=100')).json().data.find((c: { id: string }) => c.id === made.id).items).toEqual(scope);

    const narrowed = (await api.write(inspector, 'PATCH', `/api/inspections/${made.id}`, { version: 0, items: [items[1]] }, 200)).json().data;
    expect(narrowed.items).toEqual([scope[1]]);
    expect(narrowed.areaIds).toEqual([area!.id]);
    const bad = await api.write(d.hq, 'POST', '/api/inspections', { ...body, items: [items[0], { itemType: 'target', itemId: task.id }] }, 422, 'reference_invalid');
    expect(bad.json().error.fields).toHaveProperty(['items.1']);
    const badArea = await api.write(d.hq, 'POST', '/api/inspections', { ...body, areaIds: [randomUUID()] }, 422, 'reference_invalid');
    expect(badArea.json().error.fields).toHaveProperty(['areaIds.0']);
    await api.write(d.hq, 'POST', '/api/inspections', { ...body, items: [{ itemType: 'plan', itemId: task.id }] }, 400, 'validation');
  });
});
