import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ItemKind } from '../../../domain/imports/itemColumns.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { ProjectFilter } from '../../queries/planning/projects.js';
import type { TargetFilter } from '../../queries/planning/targets.js';
import { CHOICE_WORDS } from '../../../domain/imports/itemValues.js';
import { ProjectListQuery } from '../../../domain/schemas/project.js';
import { TargetListQuery } from '../../../domain/schemas/target.js';
import type { App } from '../../app.js';
import { today } from '../../clock.js';
import { sendXlsx } from '../../downloads.js';
import { jobOf } from '../../progress/jobOf.js';
import { authorize } from '../../policies/actor.js';
import { projectPolicy } from '../../policies/project.js';
import { targetPolicy } from '../../policies/target.js';
import { exportYears, itemExportCount, projectExportPages, targetExportPages } from '../../queries/planning/itemExport.js';
import { readerRegionName } from '../../queries/org.js';
import { taskFilterNames } from '../../queries/planning/taskExport.js';
import { itemsXlsx, LIGHT_WORDS, projectExportRow, targetExportRow, type ItemExportRow } from '../../xlsx/itemsXlsx.js';
import { scopeOf } from '../../queries/regionScope.js';
import { drilledReader } from '../../queries/regionTree.js';

const tags = ['exports'];

type Filter = { region?: string | undefined; plan?: string | undefined; taskForce?: string | undefined; area?: string | undefined; unit?: string | undefined; light?: string | undefined; stage?: string | undefined; q?: string | undefined };

/** The filter line's parts, in the list's words: what was exported is what the list showed. */
async function filterParts(db: Executor, actor: Actor | null, f: Filter, unitWord: string) {
  const [district, names] = await Promise.all([readerRegionName(db, actor, f.region), taskFilterNames(db, { plan: f.plan, taskForce: f.taskForce, area: f.area, unit: f.unit, scope: [] })]);
  const parts: string[] = [];
  const unknown = '（未知）';
  if (f.plan) parts.push(`方案：${names.plan ?? unknown}`);
  if (f.taskForce) parts.push(`专项推进组：${names.taskForce ?? unknown}`);
  if (f.area) parts.push(`重点领域：${names.area ?? unknown}`);
  if (f.unit) parts.push(`${unitWord}：${names.unit ?? unknown}`);
  if (f.stage) parts.push(`项目阶段：${CHOICE_WORDS.stage![f.stage] ?? f.stage}`);
  if (f.light) parts.push(`灯色：${LIGHT_WORDS[f.light as keyof typeof LIGHT_WORDS] ?? f.light}`);
  if (f.q) parts.push(`关键词：${f.q}`);
  return { district, parts };
}

/** What differs between the two exports: the table, who may read its list, its rows, the file's name. */
interface ExportKind<F extends Filter> {
  kind: ItemKind;
  read: (a: Actor | null) => boolean;
  rows: (db: Executor, f: F) => AsyncIterable<ItemExportRow[]>;
  file: string;
}

/** One list's export: authorised as its list, its filters named, its rows as the pages arrive. */
async function exportList<F extends Filter>(req: FastifyRequest, reply: FastifyReply, k: ExportKind<F>, query: F & { page?: number; perPage?: number }) {
  authorize(k.read(req.ctx.actor));
  const job = jobOf(req);
  const { db } = req.ctx.database;
  const { page: _page, perPage: _perPage, ...filter } = query;
  const day = today();
  const f = filter as F & (TargetFilter | ProjectFilter);
  job.phase('counting');
  const [{ district, parts }, years, total] = await Promise.all([filterParts(db, req.ctx.actor, filter, '责任单位'), exportYears(db, k.kind, f), job.followed ? itemExportCount(db, k.kind, f) : null]);
  job.phase('writing', total);
  const file = itemsXlsx(k.kind, { district, today: day, filters: parts }, years, k.rows(db, filter as F), job.done);
  return sendXlsx(reply, file, `${k.kind}s.xlsx`, `${k.file}-${day}.xlsx`, job);
}

async function* mapped<T>(pages: AsyncIterable<T[]>, row: (t: T) => ItemExportRow) {
  for await (const page of pages) yield page.map(row);
}

/**
 * 主要指标表 and 重点项目表 as .xlsx: the lists' own query strings (their filters and order; the page
 * is ignored, every row is written) and their visibility (whoever reads the list), laid out as the
 * import reads them, with the light and its reasons. Not audited, like the ledger's export.
 */
export default function targetProjectExportRoutes(app: App) {
  const targetsKind: ExportKind<TargetFilter> = { kind: 'target', read: targetPolicy.route.read, rows: (db, f) => mapped(targetExportPages(db, f), targetExportRow), file: '主要指标表' };
  const projectsKind: ExportKind<ProjectFilter> = { kind: 'project', read: projectPolicy.route.read, rows: (db, f) => mapped(projectExportPages(db, f), projectExportRow), file: '重点项目表' };
  // A drill-down (`region`) narrows the rows and names the sheet: the list's as the reader saw it.
  const drilled = async (req: FastifyRequest, region: string | undefined) => scopeOf(await drilledReader(req.ctx.database.db, req.ctx.actor, region));
  app.get('/api/exports/targets.xlsx', { schema: { tags, querystring: TargetListQuery } }, async (req, reply) =>
    exportList(req, reply, targetsKind, { ...req.query, scope: await drilled(req, req.query.region) }),
  );
  app.get('/api/exports/projects.xlsx', { schema: { tags, querystring: ProjectListQuery } }, async (req, reply) =>
    exportList(req, reply, projectsKind, { ...req.query, scope: await drilled(req, req.query.region) }),
  );
}
