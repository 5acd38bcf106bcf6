import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_SHEET_COLUMNS } from '../../../domain/imports/taskLayout.js';
import { reports, tasks, taskUnits } from '../../db/schema/index.js';
import { expectError, send } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeUnit } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { sheetUpload } from '../../testing/importCalls.js';
import { today } from '../../testing/reportingCalls.js';
import { readXlsx } from '../../testing/xlsx.js';
import { makeDistrict, makePlan, makeTask, type District, type Person } from '../../testing/workFactories.js';
import { CLAIM_SHEET_HEADER } from '../../xlsx/claimsXlsx.js';
import { chineseDay } from '../../xlsx/listWorkbook.js';
import { REPORT_SHEET_HEADER } from '../../xlsx/reportsXlsx.js';

const HEADER = TASK_SHEET_COLUMNS.map((c) => c.header);
const width = (n: number) => (row: string[]) => Array.from({ length: n }, (_, i) => row[i] ?? '');

describe.each(DATABASE_KINDS)('the task and report exports on %s', (kind) => {
  let h: Harness;
  let d: District;
  let unitC: { id: string; name: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    unitC = await makeUnit(h.db.database, { regionId: d.region.id, kind: 'subdistrict' });
    // Made through the API, as the HQ office would, in an order the tree is not in; every deadline kind.
    const make = async (key: string, body: Record<string, unknown>) => {
      const res = await send(h.app, { method: 'POST', url: '/api/tasks', payload: { planId: d.plan.id, ...body } }, d.hq.session);
      expect(res.statusCode, res.body).toBe(200);
      ids[key] = res.json().data.id;
    };
    await make('b', { code: '2', title: '优化营商环境', leadUnitId: d.unitB.id, deadlineKind: 'ongoing', reportPeriod: 'weekly' });
    await make('a', { code: '1', title: '推进产业转型升级', description: '年度重点', leadUnitId: d.unitA.id, supportUnitIds: [d.unitB.id, unitC.id], deadline: '2027-06-30', reportPeriod: 'quarterly' });
    await make('a2', { code: '1.2', parentId: ids.a, title: '培育新兴产业', leadUnitId: unitC.id, deadlineKind: 'recurring', recurrence: { every: 'quarter', day: 15 }, reportPeriod: 'quarterly' });
    await make('a1', { code: '1.1', parentId: ids.a, title: '实施技术改造工程', leadUnitId: d.unitB.id, supportUnitIds: [unitC.id], deadlineKind: 'recurring', recurrence: { every: 'month', day: 10 }, deadline: '2027-12-31' });
    await make('a21', { code: '1.2.1', parentId: ids.a2, title: '建设产业园', leadUnitId: unitC.id, deadline: '2026-12-31' });
  });
  afterAll(async () => h?.close());

  const download = (who: Person | null, url: string) => send(h.app, { method: 'GET', url }, who?.session);
  const rowsOf = async (who: Person, url: string, n: number) => {
    const res = await download(who, url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return { res, rows: (await readXlsx(res.rawPayload)).map(width(n)) };
  };

  /** A plan's tree as a user compares two of them: place, text, units by name, deadline. */
  const tree = async (planId: string) => {
    const db = h.db.database.db;
    const ts = await db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.code));
    const units = await db.select().from(taskUnits);
    const name = (id: string | null) => [d.unitA, d.unitB, unitC].find((u) => u.id === id)?.name ?? null;
    const parentCode = (id: string | null) => ts.find((t) => t.id === id)?.code ?? null;
    return ts.map((t) => ({
      code: t.code,
      parent: parentCode(t.parentId),
      depth: t.depth,
      title: t.title,
      description: t.description,
      lead: name(t.leadUnitId),
      support: units.filter((u) => u.taskId === t.id && u.role === 'support').map((u) => name(u.unitId)).sort(),
      deadline: [t.deadlineKind, t.deadline, t.recurrence, t.reportPeriod],
    }));
  };

  it('writes the plan as a 任务分解表: title, filters, the header the import reads, the tree in order with its light', async () => {
    const { res, rows } = await rowsOf(d.liaisonA, `/api/exports/tasks.xlsx?plan=${d.plan.id}`, HEADER.length);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${d.plan.title}-任务分解表-${today()}.xlsx`));
    expect(rows[0]![0]).toBe(`${d.region.name}任务分解表（${chineseDay(today())}）`);
    expect(rows[1]![0]).toBe(`筛选条件：方案：${d.plan.title}`);
    expect(rows[2]).toEqual(HEADER);
    expect(rows.slice(3).map((r) => r.slice(0, 7))).toEqual([
      ['1', '推进产业转型升级', d.unitA.name, [d.unitB.name, unitC.name].sort().join('、'), '2027年6月30日前（每季度报送）', '年度重点', '1'],
      ['1.1', '实施技术改造工程', d.unitB.name, unitC.name, '每月10日前，至2027年12月31日', '', '1.1'],
      ['1.2', '培育新兴产业', unitC.name, '', '季后15日前', '', '1.2'],
      ['1.2.1', '建设产业园', unitC.name, '', '2026年12月31日前', '', '1.2.1'],
      ['2', '优化营商环境', d.unitB.name, '', '长期坚持（每周报送）', '', '2'],
    ]);
    // The list's columns: plan, progress, light and its reasons as the list words them.
    expect(rows[3]!.slice(7, 10)).toEqual([d.plan.title, '0', '未开始']);
    expect(rows[3]![10]).not.toBe('');
  });

  it('imports back as the same tree: export → import into an empty plan → identical tasks', async () => {
    const { res } = await rowsOf(d.hq, `/api/exports/tasks.xlsx?plan=${d.plan.id}`, HEADER.length);
    const empty = await makePlan(h.db.database, d.program.id);
    const preview = await send(h.app, { method: 'POST', url: '/api/imports/tasks/preview', ...sheetUpload(empty.id, res.rawPayload, '导出.xlsx') }, d.hq.session);
    expect(preview.statusCode, preview.body.slice(0, 500)).toBe(200);
    const p = preview.json().data;
    expect(p.rows.flatMap((r: { errors: unknown[] }) => r.errors)).toEqual([]);
    const commit = await send(h.app, { method: 'POST', url: `/api/imports/${p.previewId}/commit` }, d.hq.session);
    expect(commit.statusCode, commit.body.slice(0, 500)).toBe(200);
    expect(await tree(empty.id)).toEqual(await tree(d.plan.id));
  });

  it('exports what the list filters to, says so, and numbers a branch whose parent was filtered out from 1', async () => {
    const { rows } = await rowsOf(d.hq, `/api/exports/tasks.xlsx?plan=${d.plan.id}&unit=${unitC.id}&q=${encodeURIComponent('产业')}`, HEADER.length);
    expect(rows[1]![0]).toBe(`筛选条件：方案：${d.plan.title}；责任单位：${unitC.name}；关键词：产业`);
    expect(rows.slice(3).map((r) => [r[0], r[1]])).toEqual([
      ['1', '推进产业转型升级'],
      ['1.1', '培育新兴产业'],
      ['1.1.1', '建设产业园'],
    ]);
    const none = await rowsOf(d.hq, `/api/exports/tasks.xlsx?plan=${d.plan.id}&light=red`, HEADER.length);
    expect(none.rows.slice(2)).toEqual([HEADER]);
  });

  it('writes the 认领情况表: every unit’s share by task code, lead first, with its measures and status', async () => {
    const db = h.db.database.db;
    await db.update(taskUnits).set({ claimStatus: 'approved', measures: '每月调度一次', claimedAt: new Date('2026-05-01T02:00:00Z') }).where(and(eq(taskUnits.taskId, ids.a1!), eq(taskUnits.unitId, d.unitB.id)));
    const { rows } = await rowsOf(d.liaisonB, `/api/exports/claims.xlsx?plan=${d.plan.id}`, CLAIM_SHEET_HEADER.length);
    expect(rows[0]![0]).toBe(`${d.region.name}任务认领情况表（${chineseDay(today())}）`);
    expect(rows[1]![0]).toBe(`筛选条件：方案：${d.plan.title}`);
    expect(rows[2]).toEqual([...CLAIM_SHEET_HEADER]);
    const [sB, sC] = [d.unitB.name, unitC.name].sort((x, y) => x.localeCompare(y, 'zh-CN'));
    expect(rows.slice(3).map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]])).toEqual([
      ['1', '1', d.unitA.name, '牵头', '未认领', ''],
      ['2', '1', sB, '配合', '未认领', ''],
      ['3', '1', sC, '配合', '未认领', ''],
      ['4', '1.1', d.unitB.name, '牵头', '已认领', '每月调度一次'],
      ['5', '1.1', unitC.name, '配合', '未认领', ''],
      ['6', '1.2', unitC.name, '牵头', '未认领', ''],
      ['7', '1.2.1', unitC.name, '牵头', '未认领', ''],
      ['8', '2', d.unitB.name, '牵头', '未认领', ''],
    ]);
    expect(rows[6]![10]).toBe('2026-05-01 10:00:00');
    const approved = await rowsOf(d.hq, `/api/exports/claims.xlsx?plan=${d.plan.id}&status=approved&role=lead`, CLAIM_SHEET_HEADER.length);
    expect(approved.rows[1]![0]).toBe(`筛选条件：方案：${d.plan.title}；认领状态：已认领；角色：牵头`);
    expect(approved.rows.slice(3).map((r) => r[3])).toEqual(['实施技术改造工程']);
  });

  it('refuses the anonymous and names a bad filter', async () => {
    expect((await download(null, '/api/exports/tasks.xlsx')).statusCode).toBe(401);
    expect((await download(null, '/api/exports/reports.xlsx')).statusCode).toBe(401);
    const bad = await download(d.hq, '/api/exports/tasks.xlsx?plan=not-an-id');
    expectError(bad, 400, 'validation');
    expect(bad.json().error.fields).toHaveProperty('plan');
    const unknown = await download(d.hq, '/api/exports/reports.xlsx?page=2');
    expect(unknown.statusCode).toBe(400);
  });

  it('exports the reports a reader may see, filtered, newest first, numbers as numbers', async () => {
    const db = h.db.database.db;
    const mine = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { title: '老旧小区改造' });
    const theirs = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }], { title: '背街小巷整治' });
    const at = (s: number) => new Date(Date.parse('2026-05-01T02:00:00Z') + s * 1000);
    await db.insert(reports).values([
      { itemType: 'task', itemId: mine.id, unitId: d.unitA.id, period: '2026-04', status: 'accepted', percent: '35.5', text: '完成拆除', createdAt: at(1), submittedAt: at(2) },
      { itemType: 'task', itemId: mine.id, unitId: d.unitA.id, period: '2026-05', status: 'submitted', percent: '60', text: '完成主体', late: true, createdAt: at(3) },
      { itemType: 'task', itemId: theirs.id, unitId: d.unitB.id, period: '2026-05', status: 'draft', text: '草稿', createdAt: at(4) },
    ]);
    const all = await rowsOf(d.hq, `/api/exports/reports.xlsx?item=${mine.id}`, REPORT_SHEET_HEADER.length);
    expect(all.rows[1]![0]).toBe(`筛选条件：事项：${mine.code} 老旧小区改造`);
    expect(all.rows[2]).toEqual([...REPORT_SHEET_HEADER]);
    expect(all.rows.slice(3).map((r) => r.slice(0, 10))).toEqual([
      ['1', '任务', mine.code, '老旧小区改造', d.unitA.name, '2026-05', '', '已提交', '完成主体', '60'],
      ['2', '任务', mine.code, '老旧小区改造', d.unitA.name, '2026-04', '', '已验收', '完成拆除', '35.5'],
    ]);
    expect(all.rows[3]![13]).toBe('是');
    expect(all.rows[4]![15]).toBe('2026-05-01 10:00:02');
    // Another unit's draft is its own working copy: not in the HQ office's export, in that unit's.
    const hq = await rowsOf(d.hq, `/api/exports/reports.xlsx?item=${theirs.id}`, REPORT_SHEET_HEADER.length);
    expect(hq.rows.slice(3)).toEqual([]);
    const own = await rowsOf(d.liaisonB, `/api/exports/reports.xlsx?item=${theirs.id}&status=draft`, REPORT_SHEET_HEADER.length);
    expect(own.rows[1]![0]).toBe(`筛选条件：事项：${theirs.code} 背街小巷整治；状态：草稿`);
    expect(own.rows.slice(3).map((r) => r[8])).toEqual(['草稿']);
  });
});
