import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, importPreviews, tasks } from '../../db/schema/index.js';
import { lightEnv, refreshTaskLight } from '../../lights/refresh.js';
import { expectError, send, snapshot } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeUnit, type Session } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { importScene, sheetFile, sheetUpload } from '../../testing/importCalls.js';
import { makePerson, makePlan, makeProgram, type Person } from '../../testing/workFactories.js';
import { workbookParts, xlsxBomb, zipFile, sheetXml } from '../../testing/zip.js';

/** A district's 任务分解表 as offices write it: a title row, a two-row header, a task merged over its measures. */
const SHEET: (string | null)[][] = [
  ['双台子区产业振兴三年行动任务分解表', null, null, null, null, null],
  ['序号', '重点任务', '具体措施', '责任单位', '责任单位', '完成时限'],
  ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'],
  ['一', '推进产业转型升级', '1.实施技术改造工程', '区发改局', '各街镇', '2026年12月底前'],
  ['一', '推进产业转型升级', '2.培育新兴产业', '区发展改革局', '区财政局', '每月10日前'],
  ['二', '优化营商环境', '1.压缩审批时限', '区财政局', '建设街道、陆家镇', '长期坚持'],
];
const MERGES = ['A1:F1', 'B4:B5', 'A4:A5', 'D2:E2'];

describe.each(DATABASE_KINDS)('task import (任务分解表, pasted 方案) on %s', (kind) => {
  let h: Harness;
  let hq: Person;
  let otherHq: Person;
  let planId: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    const scene = await importScene(db);
    const r = scene.region.id;
    units = {
      drc: (await makeUnit(db, { regionId: r, name: '区发展和改革局', kind: 'department' })).id,
      finance: (await makeUnit(db, { regionId: r, name: '区财政局', kind: 'department' })).id,
      jianshe: (await makeUnit(db, { regionId: r, name: '建设街道', kind: 'subdistrict' })).id,
      lujia: (await makeUnit(db, { regionId: r, name: '陆家镇', kind: 'town' })).id,
    };
    planId = (await makePlan(db, (await makeProgram(db, r)).id)).id;
    hq = await makePerson(h.app, db, [{ role: 'hq_office' }], units.drc!);
    otherHq = await makePerson(h.app, db, [{ role: 'hq_office' }], units.drc!);
  });
  afterAll(async () => h?.close());

  const upload = async (bytes: Buffer, who: Session = hq.session, name = '任务分解表.xlsx', plan = planId) =>
    send(h.app, { method: 'POST', url: '/api/imports/tasks/preview', ...sheetUpload(plan, bytes, name) }, who);
  const preview = async () => {
    const res = await upload(await sheetFile(SHEET, MERGES));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };

  it('reads a real sheet into a preview and writes no task', async () => {
    const before = await snapshot(h.db.database);
    const bytes = await sheetFile(SHEET, MERGES);
    const res = await upload(bytes);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().data;
    const after = await snapshot(h.db.database);
    expect(after.tasks).toBe(before.tasks);
    expect(after.import_previews).toBe(before.import_previews! + 1);
    expect(p.rows.map((r: { level: number; code: string; title: string }) => [r.level, r.code, r.title])).toEqual([
      [0, '1', '推进产业转型升级'],
      [1, '1.1', '实施技术改造工程'],
      [1, '1.2', '培育新兴产业'],
      [0, '2', '优化营商环境'],
      [1, '2.1', '压缩审批时限'],
    ]);
    const tech = p.rows[1];
    expect(tech.leadUnit).toMatchObject({ text: '区发改局', how: 'abbreviation', units: [{ unitId: units.drc, name: '区发展和改革局' }] });
    expect(tech.supportUnits[0]).toMatchObject({ text: '各街镇', how: 'group' });
    expect(tech.supportUnits[0].units.map((u: { name: string }) => u.name).sort()).toEqual(['建设街道', '陆家镇'].sort());
    expect(tech.warnings.map((w: { message: string }) => w.message)).toContain('“区发改局”按简称匹配为“区发展和改革局”');
    expect(tech).toMatchObject({ deadlineKind: 'date', deadline: '2026-12-31', sourceLine: 4 });
    const grow = p.rows[2];
    expect(grow.errors).toEqual([{ field: 'leadUnit', code: 'unit_unknown', message: '单位未匹配：区发展改革局' }]);
    expect(grow.leadUnit.suggestions[0]).toEqual({ unitId: units.drc, name: '区发展和改革局' });
    expect(grow.recurrence).toEqual({ every: 'month', day: 10 });
    expect(p.counts).toEqual({ rows: 5, errors: 1, warnings: expect.any(Number) });
    expect(p.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('fixes a unit from its suggestion, commits every task in one go with one audit record, and refuses a replay', async () => {
    const p = await preview();
    const refused = await send(h.app, { method: 'POST', url: `/api/imports/${p.previewId}/commit` }, hq.session);
    expect(expectError(refused, 409, 'import_has_errors').message).toBe('还有 1 行有错误，改正后才能导入');
    const fixed = await send(h.app, { method: 'PATCH', url: `/api/imports/${p.previewId}/rows/3`, payload: { unitText: '区发展改革局', unitId: units.drc } }, hq.session);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().data).toMatchObject({ errors: [], leadUnit: { how: 'exact', units: [{ unitId: units.drc }] } });
    const deadline = await send(h.app, { method: 'PATCH', url: `/api/imports/${p.previewId}/rows/5`, payload: { deadlineText: '2027年第三季度' } }, hq.session);
    expect(deadline.json().data).toMatchObject({ deadlineKind: 'date', deadline: '2027-09-30' });
    const done = await send(h.app, { method: 'POST', url: `/api/imports/${p.previewId}/commit` }, hq.session);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().data).toEqual({ previewId: p.previewId, planId, created: 5 });
    const made = await h.db.database.db.select().from(tasks).where(eq(tasks.planId, planId));
    const byCode = new Map(made.map((t) => [t.code, t]));
    expect(byCode.get('1.2')!.parentId).toBe(byCode.get('1')!.id);
    expect(byCode.get('1.1')).toMatchObject({ leadUnitId: units.drc, deadline: '2026-12-31', depth: 1 });
    expect(byCode.get('2.1')).toMatchObject({ leadUnitId: units.finance, deadline: '2027-09-30' });
    // The batch's lights are what the one-task refresh computes from the same facts.
    const env = await lightEnv(h.db.database.db);
    for (const t of made) await refreshTaskLight(h.db.database.db, t.id, env);
    const again = new Map((await h.db.database.db.select().from(tasks).where(eq(tasks.planId, planId))).map((t) => [t.id, [t.light, t.lightReasons]]));
    expect(made.map((t) => again.get(t.id))).toEqual(made.map((t) => [t.light, t.lightReasons]));
    const list = await send(h.app, { method: 'GET', url: `/api/tasks?plan=${planId}&perPage=50` }, hq.session);
    expect(list.json().data.map((t: { code: string }) => t.code).sort()).toEqual(['1', '1.1', '1.2', '2', '2.1']);
    const [record] = await h.db.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'task.imported'), eq(auditLog.entityId, p.previewId)));
    expect(record!.after).toMatchObject({ planId, sha256: p.sha256, count: 5, fileName: '任务分解表.xlsx' });
    const replay = await send(h.app, { method: 'POST', url: `/api/imports/${p.previewId}/commit` }, hq.session);
    expectError(replay, 409, 'import_committed');
    expect((await h.db.database.db.select().from(tasks).where(eq(tasks.planId, planId))).length).toBe(5);
    // A second import into the plan continues its numbering instead of colliding with it.
    const next = await preview();
    expect(next.rows.map((r: { code: string }) => r.code)).toEqual(['3', '3.1', '3.2', '4', '4.1']);
  });

  it('keeps a preview to its creator: another office member gets 404, a unit role 403', async () => {
    const p = await preview();
    for (const req of [
      { method: 'GET' as const, url: `/api/imports/${p.previewId}` },
      { method: 'PATCH' as const, url: `/api/imports/${p.previewId}/rows/1`, payload: { deadlineText: '长期坚持' } },
      { method: 'POST' as const, url: `/api/imports/${p.previewId}/commit` },
    ]) {
      expectError(await send(h.app, req, otherHq.session), 404, 'not_found');
    }
    const liaison = await makePerson(h.app, h.db.database, [{ role: 'liaison', unitId: units.drc }], units.drc!);
    expectError(await send(h.app, { method: 'GET', url: `/api/imports/${p.previewId}` }, liaison.session), 403, 'forbidden');
    expectError(await upload(await sheetFile(SHEET), liaison.session), 403, 'forbidden');
  });

  it('refuses an expired preview and a row or unit the preview does not hold', async () => {
    const p = await preview();
    expectError(await send(h.app, { method: 'PATCH', url: `/api/imports/${p.previewId}/rows/99`, payload: { deadlineText: '长期坚持' } }, hq.session), 404);
    const e = expectError(await send(h.app, { method: 'PATCH', url: `/api/imports/${p.previewId}/rows/2`, payload: { unitText: '区教育局', unitId: units.drc } }, hq.session), 422, 'import_unit_not_offered');
    expect(Object.keys(e.fields!)).toEqual(['unitText']);
    // A unit of another district is no unit the plan's rows may name.
    const other = await importScene(h.db.database, { fresh: true });
    expectError(await send(h.app, { method: 'PATCH', url: `/api/imports/${p.previewId}/rows/3`, payload: { unitText: '区发展改革局', unitId: other.unit.id } }, hq.session), 422, 'reference_invalid');
    await h.db.database.db.update(importPreviews).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(importPreviews.id, p.previewId));
    expectError(await send(h.app, { method: 'POST', url: `/api/imports/${p.previewId}/commit` }, hq.session), 409, 'import_expired');
  });

  it('refuses files that are not a usable workbook, naming the file', async () => {
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('序号,重点任务\n1,甲'), '任务.xlsx', 415, 'import_not_xlsx'],
      [await sheetFile(SHEET), '任务.csv', 415, 'import_not_xlsx'],
      [Buffer.alloc(0), '空.xlsx', 400, 'import_empty'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le')]), '加密.xlsx', 415, 'import_encrypted'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '旧版.xlsx', 415, 'import_legacy_xls'],
      [zipFile([...workbookParts(sheetXml(['序号', '重点任务', '牵头单位'])), { name: 'xl/vbaProject.bin', data: Buffer.alloc(64, 1) }]), '宏.xlsx', 415, 'import_macro'],
      [zipFile(workbookParts(sheetXml(['甲', '乙']))), '无表头.xlsx', 422, 'import_no_header'],
      [await sheetFile([['序号', '重点任务']]), '只有表头.xlsx', 400, 'import_empty'],
      [xlsxBomb(64), '炸弹.xlsx', 413, ''],
    ];
    for (const [bytes, name, status, code] of cases) {
      const before = await snapshot(h.db.database);
      const e = expectError(await upload(bytes, hq.session, name), status, code || undefined);
      expect(e.message, name).toContain(name);
      expect(await snapshot(h.db.database), name).toEqual(before);
    }
  });

  it('refuses more than 10,000 data rows with 413 naming the file', async () => {
    const rows = [['序号', '重点任务', '牵头单位', '完成时限'], ...Array.from({ length: 10_001 }, (_, i) => [String(i + 1), `任务${i}`, '区财政局', '长期坚持'])];
    const e = expectError(await upload(await sheetFile(rows), hq.session, '太多.xlsx'), 413, 'import_too_many_rows');
    expect(e.message).toBe('文件“太多.xlsx”超过 10000 行数据，请分批导入');
  });

  it('marks a formula without a value and a control character on their rows', async () => {
    const p = (
      await upload(
        await sheetFile([
          ['序号', '重点任务', '牵头单位', '完成时限'],
          ['1', { formula: 'CONCAT("甲","乙")' } as never, '区财政局', '长期坚持'],
          ['2', '含方向控制符\u202E的任务', '区财政局', '长期坚持'],
        ]),
      )
    ).json().data;
    expect(p.rows[0].errors.map((e: { code: string }) => e.code)).toContain('formula');
    expect(p.rows[0].errors[0].message).toContain('B2');
    expect(p.rows[1].errors).toMatchObject([{ field: 'title', code: 'unstorable' }]);
  });

  it('reads pasted plan text into the same tree, keeping what it could not place', async () => {
    const text = '双台子区产业振兴方案\n一、重点任务\n（一）推进技改。由区发改局牵头，各街镇配合，2026年12月底前完成，确保取得实效。\n（二）优化环境。区财政局牵头，持续推进。';
    const res = await send(h.app, { method: 'POST', url: '/api/imports/plan-text/preview', payload: { planId, text } }, hq.session);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().data;
    expect(p.kind).toBe('plan_text');
    expect(p.preamble).toEqual(['双台子区产业振兴方案']);
    expect(p.rows.map((r: { level: number; title: string }) => [r.level, r.title])).toEqual([
      [0, '重点任务'],
      [1, '推进技改'],
      [1, '优化环境'],
    ]);
    expect(p.rows[1]).toMatchObject({ deadline: '2026-12-31', unplaced: ['确保取得实效'], leadUnit: { units: [{ unitId: units.drc }] } });
    expect(p.rows[2]).toMatchObject({ deadlineKind: 'ongoing', leadUnit: { units: [{ unitId: units.finance }] } });
  });

  it('refuses text with control characters or lone surrogates, and text with no clause, writing nothing', async () => {
    const before = await snapshot(h.db.database);
    for (const text of ['一、任务\u0000', '一、任务\uD800', '一、任务\u202E']) {
      const e = expectError(await send(h.app, { method: 'POST', url: '/api/imports/plan-text/preview', payload: { planId, text } }, hq.session), 400);
      expect(Object.keys(e.fields ?? {}).join()).toContain('text');
    }
    const e = expectError(await send(h.app, { method: 'POST', url: '/api/imports/plan-text/preview', payload: { planId, text: '没有编号的一段话。' } }, hq.session), 422, 'import_text_empty');
    expect(e.fields).toEqual({ text: '方案文本中没有带编号的条目（如“一、”“（一）”“1.”），无法生成任务' });
    expect(await snapshot(h.db.database)).toEqual(before);
  });
});
