import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, projects, projectYearPlans, targetGoals, targets } from '../../db/schema/index.js';
import { expectError, send, snapshot } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeUnit, type Session } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { importScene, sheetFile, sheetUpload } from '../../testing/importCalls.js';
import { makePerson, makePlan, makeProgram, type Person } from '../../testing/workFactories.js';
import { workbookParts, sheetXml, zipFile } from '../../testing/zip.js';

/** A 指标表 as an office writes it: a title, 年度目标值 merged over its years, thousands separators, a typo'd unit. */
const TARGETS: (string | null)[][] = [
  ['双台子区三年行动主要指标', null, null, null, null, null, null, null],
  ['序号', '指标名称', '计量单位', '指标方向', '基期值', '年度目标值', '年度目标值', '责任单位'],
  ['序号', '指标名称', '计量单位', '指标方向', '基期值', '2026年', '2027年', '责任单位'],
  ['1', '规上工业增加值', '亿元', '正向', '1,200.5', '1300', '1400.25', '区工信局'],
  ['2', '单位GDP能耗', '吨标准煤/万元', '逆向', '0.8', '0.75', '约0.7', '区发展改革局'],
];
const PROJECTS: (string | null)[][] = [
  ['序号', '项目名称', '项目单位', '建设地点', '总投资(万元)', '2026年计划投资', '项目阶段', '计划开工时间', '计划投产时间', '责任单位'],
  [null, '精细化工产业园', '某化工公司', '陆家镇', '1.2亿', '3,000', '在建', '2026-03-31', '2027年12月底', '区工信局'],
];

describe.each(DATABASE_KINDS)('target and key-project import and export on %s', (kind) => {
  let h: Harness;
  let hq: Person;
  let planId: string;
  let programId: string;
  let areaId: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    const r = (await importScene(db)).region.id;
    units = {
      industry: (await makeUnit(db, { regionId: r, name: '区工业和信息化局', kind: 'department' })).id,
      drc: (await makeUnit(db, { regionId: r, name: '区发展和改革局', kind: 'department' })).id,
    };
    programId = (await makeProgram(db, r)).id;
    planId = (await makePlan(db, programId)).id;
    areaId = (await db.db.insert(areas).values({ programId, code: `a_${randomBytes(3).toString('hex')}`, name: '产业振兴' }).returning())[0]!.id;
    hq = await makePerson(h.app, db, [{ role: 'hq_office' }], units.drc!);
  });
  afterAll(async () => h?.close());

  const upload = (what: 'targets' | 'projects', bytes: Buffer, who: Session = hq.session, name = `${what}.xlsx`, plan = planId) =>
    send(h.app, { method: 'POST', url: `/api/imports/${what}/preview`, ...sheetUpload(plan, bytes, name) }, who);
  const fix = (id: string, line: number, payload: object) => send(h.app, { method: 'PATCH', url: `/api/imports/${id}/rows/${line}`, payload }, hq.session);
  const commit = (id: string) => send(h.app, { method: 'POST', url: `/api/imports/${id}/commit` }, hq.session);
  const exported = async (url: string, who: Session = hq.session) => {
    const res = await send(h.app, { method: 'GET', url }, who);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return res.rawPayload;
  };

  it('previews a 指标表 naming bad cells, fixes a number and a unit in place, commits once with one audit record', async () => {
    const before = await snapshot(h.db.database);
    const bytes = await sheetFile(TARGETS, ['A1:H1', 'F2:G2']);
    const res = await upload('targets', bytes);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().data;
    expect((await snapshot(h.db.database)).targets).toBe(before.targets);
    expect(p).toMatchObject({ kind: 'targets_xlsx', sha256: createHash('sha256').update(bytes).digest('hex'), counts: { rows: 2, errors: 1 } });
    expect(p.columns.map((c: { label: string }) => c.label)).toContain('2027年目标值');
    expect(p.items[0]).toMatchObject({ code: '1', name: '规上工业增加值', unit: { how: 'abbreviation', units: [{ unitId: units.industry }] }, cells: { baseline: { text: '1,200.5', value: '1200.5' } }, errors: [] });
    expect(p.items[1].errors.map((e: { message: string }) => e.message).sort()).toEqual(['单位未匹配：区发展改革局', '单元格 G5 不是数字：约0.7']);
    expect(p.items[1].unit.suggestions[0]).toEqual({ unitId: units.drc, name: '区发展和改革局' });

    expectError(await commit(p.previewId), 409, 'import_has_errors');
    expectError(await fix(p.previewId, 2, { cell: 'title', text: '1' }), 422, 'import_cell_not_offered');
    expectError(await fix(p.previewId, 2, { cell: 'goal:2027' }), 400);
    expect(Object.keys(expectError(await fix(p.previewId, 2, { deadlineText: '2026年底' }), 422, 'import_cell_not_offered').fields!)).toEqual(['deadlineText']);
    const number = await fix(p.previewId, 2, { cell: 'goal:2027', text: '0.7' });
    expect(number.json().data.cells['goal:2027']).toEqual({ text: '0.7', address: 'G5', value: '0.7' });
    expect((await fix(p.previewId, 2, { unitText: '区发展改革局', unitId: units.drc })).json().data.errors).toEqual([]);
    const done = await commit(p.previewId);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().data).toEqual({ previewId: p.previewId, planId, created: 2 });
    const made = await h.db.database.db.select().from(targets).where(eq(targets.planId, planId)).orderBy(asc(targets.code));
    expect(made.map((t) => [t.code, t.name, t.measureUnit, t.direction, t.dataUnitId, Number(t.baseline)])).toEqual([
      ['1', '规上工业增加值', '亿元', 'higher', units.industry, 1200.5],
      ['2', '单位GDP能耗', '吨标准煤/万元', 'lower', units.drc, 0.8],
    ]);
    expect(made.every((t) => t.lightAt !== null)).toBe(true);
    const goals = await h.db.database.db.select().from(targetGoals).where(eq(targetGoals.targetId, made[1]!.id)).orderBy(asc(targetGoals.year));
    expect(goals.map((g) => [g.year, Number(g.goal)])).toEqual([[2026, 0.75], [2027, 0.7]]);
    const records = await h.db.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.previewId)));
    expect(records.map((r) => r.action).sort()).toEqual(['target.import_fixed', 'target.import_fixed', 'target.import_previewed', 'target.imported']);
    expect(records.find((r) => r.action === 'target.imported')!.after).toMatchObject({ sha256: p.sha256, count: 2, fileName: 'targets.xlsx' });
    expectError(await commit(p.previewId), 409, 'import_committed');
  });

  it('previews and commits a 重点项目表: 亿 in 万元, the year’s plan, the stage and planned dates', async () => {
    const code = `P${randomBytes(3).toString('hex')}`;
    const rows = PROJECTS.map((r, i) => (i === 1 ? [code, ...r.slice(1)] : r));
    const p = (await upload('projects', await sheetFile(rows))).json().data;
    expect(p.items[0]).toMatchObject({ code, errors: [], cells: { totalInvestment: { value: '12000' }, 'plan:2026': { value: '3000' }, stage: { value: '在建' } } });
    expect((await commit(p.previewId)).statusCode).toBe(200);
    const [made] = await h.db.database.db.select().from(projects).where(eq(projects.code, code));
    expect(made).toMatchObject({ name: '精细化工产业园', ownerEnterprise: '某化工公司', location: '陆家镇', responsibleUnitId: units.industry, stage: 'building', planId });
    expect(Number(made!.totalInvestment)).toBe(12000);
    expect(made!.stageDates).toMatchObject({ started: { planned: '2026-03-31' }, operating: { planned: '2027-12-31' }, building: { actual: expect.any(String) } });
    const plans = await h.db.database.db.select().from(projectYearPlans).where(eq(projectYearPlans.projectId, made!.id));
    expect(plans.map((y) => [y.year, Number(y.planned)])).toEqual([[2026, 3000]]);
  });

  // A NUL or a lone surrogate does not survive exceljs's writing; the domain test (itemRows.test.ts) feeds them to the reader directly.
  it('refuses unusable files naming them, other roles and other people’s previews, and marks unstorable cells', async () => {
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('序号,指标名称\n1,甲'), '指标.xlsx', 415, 'import_not_xlsx'],
      [Buffer.alloc(0), '空.xlsx', 400, 'import_empty'],
      [zipFile([...workbookParts(sheetXml(['序号', '指标名称', '计量单位'])), { name: 'xl/vbaProject.bin', data: Buffer.alloc(64, 1) }]), '宏.xlsx', 415, 'import_macro'],
      [await sheetFile([['序号', '重点任务', '牵头单位', '完成时限'], ['1', '甲', '区财政局', '长期坚持']]), '任务表.xlsx', 422, 'import_no_header_targets'],
    ];
    for (const [bytes, name, status, code] of cases) {
      const before = await snapshot(h.db.database);
      expect(expectError(await upload('targets', bytes, hq.session, name), status, code).message, name).toContain(name);
      expect(await snapshot(h.db.database)).toEqual(before);
    }
    const liaison = await makePerson(h.app, h.db.database, [{ role: 'liaison', unitId: units.drc }], units.drc!);
    expectError(await upload('projects', await sheetFile(PROJECTS), liaison.session), 403, 'forbidden');
    const other = await makePerson(h.app, h.db.database, [{ role: 'hq_office' }], units.drc!);
    const bad = [['序号', '指标名称', '计量单位', '基期值', '目标值', '责任单位'], ['9', '含方向控制符\u202E的指标', '个\u2066', '1', '2', '区工信局']];
    const p = (await upload('targets', await sheetFile(bad))).json().data;
    expect(p.items[0].errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`).sort()).toEqual(['name unstorable', 'value unstorable']);
    expect(p.items[0].name).not.toContain('\u202E');
    expectError(await send(h.app, { method: 'POST', url: `/api/imports/${p.previewId}/commit` }, other.session), 404, 'not_found');
  });

  it('exports what the list shows, as the import reads it: a round trip gives the same targets and projects', async () => {
    const file = await exported(`/api/exports/targets.xlsx?plan=${planId}&sort=code`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toMatch(/主要指标表（\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(String(ws.getCell('A2').value)).toMatch(/^筛选条件：方案：专项方案/);
    expect((ws.getRow(3).values as string[]).slice(-2)).toEqual(['灯色', '灯色原因']);
    expect(ws.rowCount).toBe(5);
    // Into a second plan of the program: no code is taken there, so the file reads without an error and commits.
    const second = (await makePlan(h.db.database, programId)).id;
    const p = (await upload('targets', file, hq.session, '导出.xlsx', second)).json().data;
    expect(p.counts.errors).toBe(0);
    expect((await commit(p.previewId)).statusCode).toBe(200);
    const shape = async (plan: string) => {
      const ts = await h.db.database.db.select().from(targets).where(eq(targets.planId, plan)).orderBy(asc(targets.code));
      const gs = await h.db.database.db.select().from(targetGoals).where(inArray(targetGoals.targetId, ts.map((t) => t.id))).orderBy(asc(targetGoals.year));
      return ts.map((t) => [t.code, t.name, t.measureUnit, t.baseline, t.direction, t.period, t.accumulation, t.dataUnitId, t.areaId, gs.filter((g) => g.targetId === t.id).map((g) => [g.year, g.goal])]);
    };
    expect(await shape(second)).toEqual(await shape(planId));

    // Projects' codes are the district's: the same file reads back the same rows, each code already used.
    const [project] = await h.db.database.db.select().from(projects).where(eq(projects.planId, planId));
    await h.db.database.db.update(projects).set({ areaId }).where(eq(projects.id, project!.id));
    const pFile = await exported(`/api/exports/projects.xlsx?plan=${planId}&stage=building`);
    const q = (await upload('projects', pFile)).json().data;
    expect(q.items).toHaveLength(1);
    expect(q.items[0]).toMatchObject({ code: project!.code, name: project!.name, unit: { units: [{ unitId: project!.responsibleUnitId }] }, area: { areaId } });
    expect(q.items[0].errors.map((e: { code: string }) => e.code)).toEqual(['code_used']);
    expect(Object.fromEntries(Object.entries(q.items[0].cells as Record<string, { value: string | null }>).map(([k, c]) => [k, c.value]))).toMatchObject({
      totalInvestment: '12000',
      'plan:2026': '3000',
      stage: '在建',
      'date:started': '2026-03-31',
      'date:operating': '2027-12-31',
      location: '陆家镇',
      ownerEnterprise: '某化工公司',
    });
    // A filter the list would show nothing for exports the header alone.
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load((await exported(`/api/exports/projects.xlsx?plan=${planId}&stage=signed`)) as unknown as ArrayBuffer);
    expect(empty.worksheets[0]!.rowCount).toBe(3);
    expect(String(empty.worksheets[0]!.getCell('A2').value)).toContain('项目阶段：签约');
  });
});
