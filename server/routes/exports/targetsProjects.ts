import type { FastifyReply } from 'fastify';
import { CHOICE_WORDS } from '../../../domain/imports/itemValues.js';
import { ProjectListQuery } from '../../../domain/schemas/project.js';
import { TargetListQuery } from '../../../domain/schemas/target.js';
import type { App } from '../../app.js';
import { today } from '../../clock.js';
import { authorize } from '../../policies/actor.js';
import { projectPolicy } from '../../policies/project.js';
import { targetPolicy } from '../../policies/target.js';
import { exportNames, exportYears, projectExportPages, targetExportPages } from '../../queries/planning/itemExport.js';
import { itemsXlsx, LIGHT_WORDS, projectExportRow, targetExportRow } from '../../xlsx/itemsXlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['exports'];

type Filter = { plan?: string | undefined; taskForce?: string | undefined; area?: string | undefined; unit?: string | undefined; light?: string | undefined; stage?: string | undefined; q?: string | undefined };

/** The filter line's parts, in the list's words: what was exported is what the list showed. */
async function filterParts(db: Parameters<typeof exportNames>[0], f: Filter, unitWord: string) {
  const names = await exportNames(db, f);
  const parts: string[] = [];
  const unknown = '（未知）';
  if (f.plan) parts.push(`方案：${names.plan ?? unknown}`);
  if (f.taskForce) parts.push(`专项推进组：${names.taskForce ?? unknown}`);
  if (f.area) parts.push(`重点领域：${names.area ?? unknown}`);
  if (f.unit) parts.push(`${unitWord}：${names.unit ?? unknown}`);
  if (f.stage) parts.push(`项目阶段：${CHOICE_WORDS.stage![f.stage] ?? f.stage}`);
  if (f.light) parts.push(`灯色：${LIGHT_WORDS[f.light as keyof typeof LIGHT_WORDS] ?? f.light}`);
  if (f.q) parts.push(`关键词：${f.q}`);
  return { district: names.district, parts };
}

const send = (reply: FastifyReply, file: Buffer, ascii: string, name: string) =>
  reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(file);

/**
 * 主要指标表 and 重点项目表 as .xlsx: the lists' own query strings (their filters and order; the page
 * is ignored, every row is written) and their visibility (whoever reads the list), laid out as the
 * import reads them, with the light and its reasons. Not audited, like the ledger's export.
 */
export default function targetProjectExportRoutes(app: App) {
  app.get('/api/exports/targets.xlsx', { schema: { tags, querystring: TargetListQuery } }, async (req, reply) => {
    authorize(targetPolicy.route.read(req.ctx.actor));
    const { db } = req.ctx.database;
    const { page: _page, perPage: _perPage, ...filter } = req.query;
    const day = today();
    const { district, parts } = await filterParts(db, filter, '责任单位');
    const rows = (async function* () {
      for await (const page of targetExportPages(db, filter)) yield page.map(targetExportRow);
    })();
    const file = await itemsXlsx('target', { district, today: day, filters: parts }, await exportYears(db, 'target', filter), rows);
    return send(reply, file, 'targets.xlsx', `主要指标表-${day}.xlsx`);
  });

  app.get('/api/exports/projects.xlsx', { schema: { tags, querystring: ProjectListQuery } }, async (req, reply) => {
    authorize(projectPolicy.route.read(req.ctx.actor));
    const { db } = req.ctx.database;
    const { page: _page, perPage: _perPage, ...filter } = req.query;
    const day = today();
    const { district, parts } = await filterParts(db, filter, '责任单位');
    const rows = (async function* () {
      for await (const page of projectExportPages(db, filter)) yield page.map(projectExportRow);
    })();
    const file = await itemsXlsx('project', { district, today: day, filters: parts }, await exportYears(db, 'project', filter), rows);
    return send(reply, file, 'projects.xlsx', `重点项目表-${day}.xlsx`);
  });
}
