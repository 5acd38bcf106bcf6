import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import type { Role } from '../../domain/enums.js';
import { buildRows, type SourceRow } from '../../domain/imports/rows.js';
import { unitMatcher } from '../../domain/imports/units.js';
import { ImportRowFix, PlanTextPreviewBody } from '../../domain/schemas/import.js';
import { now, today } from '../clock.js';
import type { Database } from '../db/client.js';
import { importPreviews } from '../db/schema/index.js';
import type { ApiRequest } from './api.js';
import { makeRegion, makeUnit } from './factories.js';
import type { BodyKind } from './garbage.js';
import { multipartForm } from './multipartForm.js';
import type { CallBuilder, CallEnv } from './routeCalls.js';
import { makePlan, makeProgram } from './workFactories.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook of one sheet: these rows as given (title rows, headers and data alike), cells merged as listed ("A2:A3"). */
export async function sheetFile(rows: (string | number | Date | null | ExcelJS.CellFormulaValue)[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The multipart body of a sheet upload: the plan in `planId`, the file in `file`. */
export const sheetUpload = (planId: string, bytes: Buffer, filename = '任务分解表.xlsx', contentType = XLSX_TYPE) =>
  multipartForm({ planId }, [{ filename, bytes, contentType }], 'file');

/** A plan of its own and a unit of its own (a fresh region each, so names match one unit only). */
/** A plan and a unit to import into; `fresh`: in a district of their own (another district's, to a caller of the usual one). */
export async function importScene(database: Database, opts: { fresh?: boolean } = {}) {
  const region = await makeRegion(database, opts.fresh ? { fresh: true } : {});
  const unit = await makeUnit(database, { regionId: region.id, name: `区导入测试局${randomBytes(3).toString('hex')}`, kind: 'department' });
  const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
  return { region, unit, plan };
}

/** The id of the session's user (the builders' sessions carry none). */
export async function sessionUserId(env: CallEnv, role: Role): Promise<string> {
  const s = await env.session(role);
  return (await env.app.inject({ url: '/api/me', headers: s.headers })).json().data.id as string;
}

/** A preview of `userId`'s written straight to the database from these rows, read against `units`. */
export async function makePreview(database: Database, userId: string, planId: string, sources: SourceRow[], units: { id: string; name: string; code: string }[]) {
  const rows = buildRows(sources, { match: unitMatcher(units.map((u) => ({ ...u, kind: 'department' as const }))), env: { today: today(), calendar: new WorkdayCalendar() } });
  const [p] = await database.db
    .insert(importPreviews)
    .values({ kind: 'tasks_xlsx', planId, createdById: userId, expiresAt: new Date(now().getTime() + 3_600_000), fileName: '任务分解表.xlsx', sha256: 'a'.repeat(64), rows })
    .returning();
  return p!;
}

/** A preview of the role's own user with one clean row (a valid commit) and one with a unit to fix. */
async function ownPreviewCall(env: CallEnv, role: Role, build: (id: string) => ApiRequest) {
  const { unit, plan } = await importScene(env.database);
  const year = Number(today().slice(0, 4)) + 1;
  const p = await makePreview(env.database, await sessionUserId(env, role), plan.id, [{ line: 2, seq: '1', title: '建设示范园区', lead: unit.name, deadline: `${year}年6月底前` }], [unit]);
  return { req: build(p.id), session: await env.session(role) };
}

/** A one-row 指标表 or 重点项目表 naming this unit, every value readable. */
export const itemSheet = (kind: 'target' | 'project', unitName: string) =>
  sheetFile(
    kind === 'target'
      ? [['序号', '指标名称', '计量单位', '基期值', '2027年目标值', '责任单位'], ['', '地区生产总值增速', '%', '5.2', '6.5', unitName]]
      : [['序号', '项目名称', '总投资（万元）', '项目阶段', '责任单位'], ['', '精细化工产业园', '1.2亿', '谋划', unitName]],
  );

/** One builder per import route: fresh plans and units, the caller's own previews, valid bodies. */
export const IMPORT_ROUTE_CALLS: Record<string, CallBuilder> = {
  'POST /api/imports/tasks/preview': async (env, role) => {
    const { unit, plan } = await importScene(env.database);
    const bytes = await sheetFile([['序号', '重点任务', '牵头单位', '完成时限'], ['1', '建设示范园区', unit.name, '长期坚持']]);
    return { req: { method: 'POST', url: '/api/imports/tasks/preview', ...sheetUpload(plan.id, bytes) }, session: await env.session(role) };
  },
  'POST /api/imports/targets/preview': async (env, role) => {
    const { unit, plan } = await importScene(env.database);
    return { req: { method: 'POST', url: '/api/imports/targets/preview', ...sheetUpload(plan.id, await itemSheet('target', unit.name), '指标表.xlsx') }, session: await env.session(role) };
  },
  'POST /api/imports/projects/preview': async (env, role) => {
    const { unit, plan } = await importScene(env.database);
    return { req: { method: 'POST', url: '/api/imports/projects/preview', ...sheetUpload(plan.id, await itemSheet('project', unit.name), '重点项目表.xlsx') }, session: await env.session(role) };
  },
  'GET /api/exports/targets.xlsx': async (env, role) => ({ req: { method: 'GET', url: '/api/exports/targets.xlsx?light=red' }, session: await env.session(role) }),
  'GET /api/exports/projects.xlsx': async (env, role) => ({ req: { method: 'GET', url: '/api/exports/projects.xlsx?stage=building' }, session: await env.session(role) }),
  'POST /api/imports/plan-text/preview': async (env, role) => {
    const { unit, plan } = await importScene(env.database);
    return { req: { method: 'POST', url: '/api/imports/plan-text/preview', payload: { planId: plan.id, text: `一、建设示范园区，由${unit.name}牵头，长期坚持。` } }, session: await env.session(role) };
  },
  'GET /api/imports/:previewId': (env, role) => ownPreviewCall(env, role, (id) => ({ method: 'GET', url: `/api/imports/${id}` })),
  'PATCH /api/imports/:previewId/rows/:line': (env, role) => ownPreviewCall(env, role, (id) => ({ method: 'PATCH', url: `/api/imports/${id}/rows/1`, payload: { deadlineText: '持续推进' } })),
  'POST /api/imports/:previewId/commit': (env, role) => ownPreviewCall(env, role, (id) => ({ method: 'POST', url: `/api/imports/${id}/commit` })),
};

const HQ = ['hq_office'] as const;
/** By hand from the brief: the HQ office imports (it breaks plans into tasks, defines targets and keeps projects); nobody else. */
export const IMPORT_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'POST /api/imports/tasks/preview': HQ,
  // Targets and projects are the HQ office's to define, so to import; everyone who reads their lists exports them.
  'POST /api/imports/targets/preview': HQ,
  'POST /api/imports/projects/preview': HQ,
  'GET /api/exports/targets.xlsx': 'everyone',
  'GET /api/exports/projects.xlsx': 'everyone',
  'POST /api/imports/plan-text/preview': HQ,
  'GET /api/imports/:previewId': HQ,
  'PATCH /api/imports/:previewId/rows/:line': HQ,
  'POST /api/imports/:previewId/commit': HQ,
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every write, who may call it and its input, for the garbage property test. */
export const IMPORT_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/imports/tasks/preview', role: 'hq_office', body: { kind: 'multipart' } },
  { key: 'POST /api/imports/targets/preview', role: 'hq_office', body: { kind: 'multipart' } },
  { key: 'POST /api/imports/projects/preview', role: 'hq_office', body: { kind: 'multipart' } },
  { key: 'POST /api/imports/plan-text/preview', role: 'hq_office', body: json(PlanTextPreviewBody) },
  { key: 'PATCH /api/imports/:previewId/rows/:line', role: 'hq_office', body: json(ImportRowFix) },
  { key: 'POST /api/imports/:previewId/commit', role: 'hq_office', body: { kind: 'none' } },
];
