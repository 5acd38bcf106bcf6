import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateWorkdays } from '../../../domain/dispatch.js';
import { assessmentResults, auditLog, reports } from '../../db/schema/index.js';
import { loadCalendar } from '../../queries/calendar.js';
import { publishedRankings } from '../../queries/assessments/publishedRankings.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeUnit } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { reportingApi } from '../../testing/reportingCalls.js';
import { multipart } from '../../testing/xlsx.js';
import { makePerson, makeTask, type District, makeDistrict, type Person } from '../../testing/workFactories.js';

const NOTE_PDF = readFileSync(new URL('../../../demo/fixtures/note.pdf', import.meta.url));

const YEAR = 2026;
const PERIOD = '2026-Q4';
const INDICATORS = [
  { kind: 'reporting_on_time', weight: '50' },
  { kind: 'task_delivery', weight: '30' },
  { kind: 'leader_evaluation', weight: '20' },
];

/** The assessment routes on each database, one harness per database (the suite's time is short). */
describe.each(DATABASE_KINDS)('考核 on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let assessor: Person;
  let assessor2: Person;
  let assessorLiaisonA: Person;
  let schemeId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    const office = await makeUnit(h.db.database, { regionId: d.region.id, kind: 'committee' });
    assessor = await makePerson(h.app, h.db.database, [{ role: 'assessor' }], office.id);
    assessor2 = await makePerson(h.app, h.db.database, [{ role: 'assessor' }], office.id);
    assessorLiaisonA = await makePerson(h.app, h.db.database, [{ role: 'assessor' }, { role: 'liaison', unitId: d.unitA.id }], office.id);
    // Unit A: one report on time, one three workdays late; unit B: both on time.
    // Unit A's share owes September and October (the task ends before November's report).
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { leadUnitId: null, startDate: '2026-09-01', deadline: '2026-10-31' });
    const report = (unitId: string, period: string, submitted: string) =>
      h.db.database.db.insert(reports).values({ itemType: 'task', itemId: task.id, unitId, period, dueDate: period === '2026-09' ? '2026-10-15' : '2026-11-13', status: 'accepted', submittedAt: new Date(`${submitted}T10:00:00+08:00`) });
    await report(d.unitA.id, '2026-09', '2026-10-20');
    await report(d.unitA.id, '2026-10', '2026-11-10');
    await report(d.unitB.id, '2026-09', '2026-10-14');
    await report(d.unitB.id, '2026-10', '2026-11-12');
  });
  afterAll(async () => h?.close());

  const results = (id: string) => `/api/assessments/results/${id}`;

  it('refuses a scheme whose weights do not sum to 100, naming the field, and lets only the assessor write one', async () => {
    const bad = await api.write(assessor, 'POST', '/api/assessments', { year: YEAR, category: 'departments', name: '2026年度部门考核', indicators: [{ kind: 'reporting_on_time', weight: '33.33' }, { kind: 'task_delivery', weight: '66.66' }] }, 422, 'assessment_weights_sum');
    expect(bad.json().error.fields).toEqual({ indicators: 'assessment_weights_sum' });
    expect(bad.json().error.message).toContain('99.99');
    await api.write(d.hq, 'POST', '/api/assessments', { year: YEAR, category: 'departments', name: 'x', indicators: INDICATORS }, 403);
    await api.write(assessor, 'POST', '/api/assessments', { year: YEAR, category: 'departments', name: 'x', indicators: [{ kind: 'reporting_on_time', weight: 100 }] }, 400);
    const made = await api.write(assessor, 'POST', '/api/assessments', { year: YEAR, category: 'departments', name: '2026年度部门考核', indicators: INDICATORS }, 200);
    schemeId = made.json().data.id;
    expect(made.json().data).toMatchObject({ schemeVersion: 1, rules: { excellent: '90', redCount: 1 }, results: [] });
    await api.write(assessor, 'POST', '/api/assessments', { year: YEAR, category: 'departments', name: '又一个', indicators: INDICATORS }, 409, 'assessment_scheme_exists');
  });

  it('refuses to publish what was not computed, and to compute an empty category or another year', async () => {
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/publish`, { period: PERIOD }, 409, 'assessment_not_computed');
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/compute`, { period: '2025-Q4' }, 422, 'assessment_period_year');
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/compute`, { period: '2026-Q5' }, 400);
    const towns = (await api.write(assessor, 'POST', '/api/assessments', { year: YEAR, category: 'streets_towns', name: '2026年度街镇考核', indicators: INDICATORS }, 200)).json().data.id;
    await api.write(assessor, 'POST', `/api/assessments/${towns}/compute`, { period: PERIOD }, 422, 'assessment_empty_category');
  });

  it('counts a 加分 once another assessor approves it, and a leader evaluation at once', async () => {
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/adjustments`, { period: PERIOD, unitId: d.unitA.id, kind: 'evaluation', points: '80', reason: '分管领导评价' }, 200);
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/adjustments`, { period: PERIOD, unitId: d.unitB.id, kind: 'evaluation', points: '150', reason: '超出' }, 422, 'assessment_evaluation_range');
    const bonus = (await api.write(assessor, 'POST', `/api/assessments/${schemeId}/adjustments`, { period: PERIOD, unitId: d.unitB.id, kind: 'bonus', points: '2', reason: '经验做法获市级推广' }, 200)).json().data;
    expect(bonus.status).toBe('proposed');
    await api.write(assessor, 'POST', `/api/assessments/adjustments/${bonus.id}/approve`, { version: 0 }, 403, 'assessment_own_adjustment');
    expect((await api.write(assessor2, 'POST', `/api/assessments/adjustments/${bonus.id}/approve`, { version: 0 }, 200)).json().data.status).toBe('approved');
  });

  it('computes, publishes and explains: ranks, grades, 红黑榜, late reports by workdays, the distance to the unit above', async () => {
    const computed = (await api.write(assessor, 'POST', `/api/assessments/${schemeId}/compute`, { period: PERIOD }, 200)).json();
    const id = computed.data.id as string;
    expect(computed.data).toMatchObject({ status: 'computed', revision: 1, schemeVersion: 1 });
    expect(computed.policies).toMatchObject({ read: true, publish: true });
    const ranked = computed.data.units.filter((u: { rank: number | null }) => u.rank !== null);
    expect(ranked.map((u: { unitId: string; total: string; rank: number; grade: string; honour: string | null }) => [u.unitId, u.total, u.rank, u.grade, u.honour])).toEqual([
      [d.unitB.id, '102.00', 1, 'excellent', 'red'],
      [d.unitA.id, '71.00', 2, 'fair', 'black'],
    ]);
    // Not published yet: the unit and the leader see nothing of it.
    expect((await api.get(d.liaisonA, `${results(id)}/units/${d.unitA.id}`)).statusCode).toBe(404);
    expect((await api.get(d.leader, results(id))).statusCode).toBe(404);

    const published = (await api.write(assessor, 'POST', `/api/assessments/${schemeId}/publish`, { period: PERIOD }, 200)).json().data;
    expect(published.status).toBe('published');
    expect(published.appealDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/publish`, { period: PERIOD }, 409, 'assessment_not_computed');

    const mine = (await api.get(d.liaisonA, `${results(id)}/units/${d.unitA.id}`)).json();
    const reporting = mine.data.indicators.find((i: { kind: string }) => i.kind === 'reporting_on_time');
    expect(reporting).toMatchObject({ weight: '50.00', ratio: '0.5000', points: '25.00', rule: 'share', counted: 2 });
    const late = lateWorkdays(await loadCalendar(h.db.database.db), '2026-10-15', '2026-10-20');
    expect(reporting.facts.map((f: { detail: string; outcome: string; lateWorkdays: number }) => [f.detail, f.outcome, f.lateWorkdays])).toEqual([
      ['2026-09', 'late', late],
      ['2026-10', 'on_time', 0],
    ]);
    expect(mine.data.indicators.find((i: { kind: string }) => i.kind === 'leader_evaluation')).toMatchObject({ rule: 'manual', points: '16.00' });
    expect(mine.data.above).toMatchObject({ unitId: d.unitB.id, total: '31.00' });
    expect(mine.data.above.indicators).toContainEqual({ kind: 'reporting_on_time', gap: '25.00' });
    expect(mine.policies).toEqual({ read: true, publish: false, appeal: true });
    // Another unit's breakdown is not there for them; the ranking as a whole is not theirs to read.
    expect((await api.get(d.liaisonA, `${results(id)}/units/${d.unitB.id}`)).statusCode).toBe(404);
    expect((await api.get(d.liaisonA, results(id))).statusCode).toBe(403);
    expect((await api.get(d.publicist, `${results(id)}/units/${d.unitA.id}`)).statusCode).toBe(403);
    expect((await api.get(d.leader, `${results(id)}/units/${d.unitB.id}`)).statusCode).toBe(200);
    const theirs = (await api.get(d.liaisonA, '/api/assessments/mine')).json().data;
    expect(theirs).toEqual([expect.objectContaining({ resultId: id, total: '71.00', rank: 2, ranked: 2, grade: 'fair', honour: 'black' })]);

    expect(await publishedRankings(h.db.database.db)).toContainEqual(
      expect.objectContaining({ schemeName: '2026年度部门考核', period: PERIOD, units: [expect.objectContaining({ rank: 1, unitName: d.unitB.name, total: '102.00', grade: 'excellent', honour: 'red' }), expect.objectContaining({ rank: 2, honour: 'black' })] }),
    );
  });

  it('takes a unit’s appeal within its days, lets no one decide their own, and refuses one after the deadline', async () => {
    const [result] = await h.db.database.db.select().from(assessmentResults).where(and(eq(assessmentResults.schemeId, schemeId), eq(assessmentResults.status, 'published')));
    const id = result!.id;
    await api.write(d.liaisonB, 'POST', `${results(id)}/appeals`, { reason: '' }, 400);
    // 申诉佐证: the unit uploads its file as for a report and files the appeal with it.
    const pdf = Buffer.concat([NOTE_PDF, Buffer.from(`\n%${randomUUID()}\n`)]);
    const form = multipart(pdf, '系统故障情况说明.pdf', 'application/pdf');
    const uploaded = await h.app.inject({ method: 'POST', url: '/api/evidence', payload: form.payload, headers: { ...d.liaisonA.session.headers, ...form.headers } });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const evidenceSha256 = uploaded.json().data.sha256 as string;
    const appeal = (await api.write(d.liaisonA, 'POST', `${results(id)}/appeals`, { indicator: 'reporting_on_time', reason: '9月报告因系统故障延迟，附情况说明', evidenceSha256 }, 200)).json().data;
    expect(appeal).toMatchObject({ status: 'open', unitId: d.unitA.id, indicator: 'reporting_on_time', period: PERIOD, evidenceSha256 });
    // The assessor deciding it reads the file under the name it was uploaded with; another unit does not.
    const read = await api.get(assessor, `/api/evidence/${evidenceSha256}`);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(pdf)).toBe(true);
    expect(decodeURIComponent(String(read.headers['content-disposition']))).toContain('系统故障情况说明.pdf');
    expect((await api.get(d.liaisonB, `/api/evidence/${evidenceSha256}`)).statusCode).toBe(404);
    await api.write(d.hq, 'POST', `${results(id)}/appeals`, { reason: '不是单位' }, 403);
    expect((await api.get(d.liaisonB, '/api/assessments/appeals')).json().data).toEqual([]);
    expect((await api.get(assessor, '/api/assessments/appeals?status=open')).json().data.map((a: { id: string }) => a.id)).toContain(appeal.id);

    await api.write(assessorLiaisonA, 'POST', `/api/assessments/appeals/${appeal.id}/decide`, { decision: 'upheld', reply: '同意', version: 0 }, 403, 'assessment_own_appeal');
    await api.write(d.liaisonA, 'POST', `/api/assessments/appeals/${appeal.id}/decide`, { decision: 'upheld', reply: '同意', version: 0 }, 403);
    const decided = (await api.write(assessor, 'POST', `/api/assessments/appeals/${appeal.id}/decide`, { decision: 'rejected', reply: '系统日志显示当日可正常报送', version: 0 }, 200)).json().data;
    expect(decided).toMatchObject({ status: 'rejected', reply: '系统日志显示当日可正常报送' });
    await api.write(assessor2, 'POST', `/api/assessments/appeals/${appeal.id}/decide`, { decision: 'upheld', reply: '再议', version: 1 }, 409, 'assessment_appeal_decided');

    await h.db.database.db.update(assessmentResults).set({ appealDeadline: '2026-01-05' }).where(eq(assessmentResults.id, id));
    await api.write(d.liaisonA, 'POST', `${results(id)}/appeals`, { reason: '逾期申诉' }, 409, 'assessment_appeal_closed');
    const audit = await h.db.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, appeal.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['assessment.appeal_decided', 'assessment.appealed']);
  });

  it('keeps the history of a republished result, versions a changed scheme, and exports results with their breakdown', async () => {
    const changed = await api.write(assessor, 'PATCH', `/api/assessments/${schemeId}`, { indicators: [{ kind: 'reporting_on_time', weight: '60' }, { kind: 'task_delivery', weight: '20' }, { kind: 'leader_evaluation', weight: '20' }], version: 0 }, 200);
    expect(changed.json().data.schemeVersion).toBe(2);
    await api.write(assessor, 'PATCH', `/api/assessments/${schemeId}`, { name: '旧版本号', version: 0 }, 409, 'version_conflict');
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/compute`, { period: PERIOD }, 200);
    const again = (await api.write(assessor, 'POST', `/api/assessments/${schemeId}/publish`, { period: PERIOD }, 200)).json().data;
    expect(again).toMatchObject({ revision: 2, schemeVersion: 2 });
    const history = (await api.get(d.leader, `/api/assessments/${schemeId}`)).json().data.results;
    expect(history.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    const file = await api.get(d.leader, `${results(again.id)}/results.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考核结果', '得分明细']);
    const rows = (i: number) => {
      const out: string[][] = [];
      wb.worksheets[i]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return out;
    };
    expect(rows(0)[2]).toEqual(['名次', '单位', '总分', '等次', '红黑榜', '按时报送率', '任务完成及节点按期率', '领导评价', '加分', '扣分']);
    expect(rows(0)[3]!.slice(0, 5)).toEqual(['1', d.unitB.name, '102.00', '优秀', '红榜（骏马奖）']);
    expect(rows(1).find((r) => r[0] === d.unitA.name && r[11] === '逾期完成')).toBeTruthy();
    expect((await api.get(d.liaisonA, `${results(again.id)}/results.xlsx`)).statusCode).toBe(403);
  });

  it('counts a report owed and never filed as late, so a unit that files nothing does not score full marks', async () => {
    // Unit B now shares a monthly task from September to October and files nothing for it.
    const silent = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }], { leadUnitId: null, startDate: '2026-09-01', deadline: '2026-10-31', reportPeriod: 'monthly' });
    const id = (await api.write(assessor, 'POST', `/api/assessments/${schemeId}/compute`, { period: PERIOD }, 200)).json().data.id as string;
    const b = (await api.get(assessor, `${results(id)}/units/${d.unitB.id}`)).json().data;
    const reporting = b.indicators.find((i: { kind: string }) => i.kind === 'reporting_on_time');
    // Its two reports on time, and the two periods of the silent share, owed.
    expect(reporting).toMatchObject({ counted: 4, ratio: '0.5000' });
    const owed = reporting.facts.filter((f: { ref: string }) => f.ref === silent.id);
    expect(owed.map((f: { detail: string; doneOn: string | null; outcome: string }) => [f.detail, f.doneOn, f.outcome])).toEqual([
      ['2026-09', null, expect.not.stringMatching(/^on_time$/)],
      ['2026-10', null, expect.not.stringMatching(/^on_time$/)],
    ]);
  });

  it('recomputes and republishes from an upheld appeal in one step: the corrected evaluation ranks anew, the appealed result is kept as history', async () => {
    const [before] = await h.db.database.db.select().from(assessmentResults).where(and(eq(assessmentResults.schemeId, schemeId), eq(assessmentResults.status, 'published')));
    const oldA = (await api.get(d.leader, `${results(before!.id)}/units/${d.unitA.id}`)).json().data;
    const appeal = (await api.write(d.liaisonA, 'POST', `${results(before!.id)}/appeals`, { indicator: 'leader_evaluation', reason: '领导评价漏计本季度牵头事项，申请复核' }, 200)).json().data;
    const republish = (id: string) => `/api/assessments/appeals/${id}/republish`;
    await api.write(assessor, 'POST', republish(appeal.id), { version: 0 }, 409, 'assessment_appeal_not_upheld');
    await api.write(assessor, 'POST', `/api/assessments/appeals/${appeal.id}/decide`, { decision: 'upheld', reply: '申诉成立，更正领导评价', version: 0 }, 200);
    await api.write(assessor, 'POST', `/api/assessments/${schemeId}/adjustments`, { period: PERIOD, unitId: d.unitA.id, kind: 'evaluation', points: '100', reason: '更正后的领导评价' }, 200);
    await api.write(d.liaisonA, 'POST', republish(appeal.id), { version: 1 }, 403);
    await api.write(d.leader, 'POST', republish(appeal.id), { version: 1 }, 403);
    await api.write(assessor, 'POST', republish(appeal.id), { version: 0 }, 409, 'version_conflict');
    const done = (await api.write(assessor, 'POST', republish(appeal.id), { version: 1 }, 200)).json().data;
    expect(done.republishedResultId).toMatch(/^[0-9a-f-]{36}$/);
    await api.write(assessor, 'POST', republish(appeal.id), { version: 2 }, 409, 'assessment_appeal_republished');

    const history = (await api.get(d.leader, `/api/assessments/${schemeId}`)).json().data.results as { id: string; status: string }[];
    expect(history.find((r) => r.id === done.republishedResultId)?.status).toBe('published');
    expect(history.find((r) => r.id === before!.id)?.status).toBe('superseded');
    // The evaluation went from 80 to 100 under a weight of 20: four points more, the old revision unchanged.
    const newA = (await api.get(d.liaisonA, `${results(done.republishedResultId)}/units/${d.unitA.id}`)).json().data;
    expect(Number(newA.total) - Number(oldA.total)).toBe(4);
    expect((await api.get(d.leader, `${results(before!.id)}/units/${d.unitA.id}`)).json().data.total).toBe(oldA.total);
    expect((await api.get(d.liaisonA, '/api/assessments/mine')).json().data).toEqual([expect.objectContaining({ resultId: done.republishedResultId, total: newA.total })]);
    const ranking = (await publishedRankings(h.db.database.db)).find((r) => r.schemeName === '2026年度部门考核');
    expect(ranking?.units.find((u) => u.unitName === d.unitA.name)?.total).toBe(newA.total);
    // One audit record for the step, naming the revision it computed and published and the one it superseded.
    const [record] = await h.db.database.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entityId, appeal.id), eq(auditLog.action, 'assessment.appeal_republished')));
    expect(record?.after).toMatchObject({ republishedResultId: done.republishedResultId, result: { resultId: done.republishedResultId, period: PERIOD, supersededResultId: before!.id } });
  });
});
