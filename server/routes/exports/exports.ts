import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody } from '../../../domain/schemas/common.js';
import { ClaimExportQuery } from '../../../domain/schemas/claim.js';
import { ReportExportQuery } from '../../../domain/schemas/report.js';
import { TaskExportQuery } from '../../../domain/schemas/task.js';
import { ITEM_TYPES } from '../../../domain/work.js';
import type { App } from '../../app.js';
import { now } from '../../clock.js';
import { sendXlsx } from '../../downloads.js';
import { jobOf } from '../../progress/jobOf.js';
import { authorize } from '../../policies/actor.js';
import { reportPolicy } from '../../policies/report.js';
import { taskPolicy } from '../../policies/task.js';
import { workbenchPolicy } from '../../policies/workbench.js';
import { findUnit, readerRegionName } from '../../queries/org.js';
import { claimExportRows } from '../../queries/planning/claimExport.js';
import { taskExportRows, taskFilterNames } from '../../queries/planning/taskExport.js';
import { hqDeskLists } from '../../queries/reporting/hqDeskExport.js';
import { loadItems } from '../../queries/reporting/items.js';
import { reportExportCount, reportExportPages } from '../../queries/reporting/reportExport.js';
import { claimsXlsx } from '../../xlsx/claimsXlsx.js';
import { hqDeskXlsx } from '../../xlsx/hqDeskXlsx.js';
import { reportsXlsx } from '../../xlsx/reportsXlsx.js';
import { tasksXlsx } from '../../xlsx/tasksXlsx.js';
import { scopeOf } from '../../queries/regionScope.js';
import { drilledReader } from '../../queries/regionTree.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['exports'];

/**
 * The lists as workbooks: the same filters, visibility and policy as the list the reader is looking
 * at (reading is all an export is), every page of it. The task list exports as the 任务分解表 the
 * import reads back; reports page by page, streamed.
 */
export default function exportRoutes(app: App) {
  app.get('/api/exports/tasks.xlsx', { schema: { tags, querystring: TaskExportQuery, response: errors } }, async (req, reply) => {
    authorize(taskPolicy.route.read(req.ctx.actor));
    const job = jobOf(req);
    const { db } = req.ctx.database;
    // A drill-down (`region`) narrows the rows and names the sheet, as the list the reader looked at.
    const f = { ...req.query, scope: scopeOf(await drilledReader(db, req.ctx.actor, req.query.region)) };
    const today = shanghaiDate(now());
    job.phase('reading');
    const [district, names, rows] = await Promise.all([readerRegionName(db, req.ctx.actor, req.query.region), taskFilterNames(db, f), taskExportRows(db, f)]);
    job.phase('writing', rows.length);
    const pick = <K extends keyof typeof names>(k: K) => (f[k] ? names[k] : undefined);
    const filters = { plan: pick('plan'), taskForce: pick('taskForce'), area: pick('area'), unit: pick('unit'), parent: pick('parent'), light: f.light, dueBefore: f.dueBefore, status: f.status, q: f.q };
    return sendXlsx(reply, tasksXlsx({ district, today, filters }, rows, job.done), 'tasks.xlsx', `${names.plan ?? '任务'}-任务分解表-${today}.xlsx`, job);
  });

  app.get('/api/exports/claims.xlsx', { schema: { tags, querystring: ClaimExportQuery, response: errors } }, async (req, reply) => {
    authorize(taskPolicy.route.read(req.ctx.actor));
    const job = jobOf(req);
    const { db } = req.ctx.database;
    const f = { ...req.query, scope: scopeOf(req.ctx.actor) };
    const today = shanghaiDate(now());
    job.phase('reading');
    const [district, names, rows] = await Promise.all([readerRegionName(db, req.ctx.actor), taskFilterNames(db, { plan: f.plan, unit: f.unit, scope: f.scope }), claimExportRows(db, f)]);
    job.phase('writing', rows.length);
    const filters = { plan: f.plan ? names.plan : undefined, unit: f.unit ? names.unit : undefined, status: f.status, role: f.role };
    return sendXlsx(reply, claimsXlsx({ district, today, filters }, rows, job.done), 'claims.xlsx', `任务认领情况表-${today}.xlsx`, job);
  });

  app.get('/api/exports/reports.xlsx', { schema: { tags, querystring: ReportExportQuery, response: errors } }, async (req, reply) => {
    authorize(reportPolicy.route.read(req.ctx.actor));
    const job = jobOf(req);
    const { db } = req.ctx.database;
    const { q: _q, ...f } = req.query;
    const today = shanghaiDate(now());
    job.phase('counting');
    const [total, district, item, unit] = await Promise.all([
      job.followed ? reportExportCount(db, req.ctx.actor, f) : null,
      readerRegionName(db, req.ctx.actor),
      f.item ? loadItems(db, (f.itemType ? [f.itemType] : ITEM_TYPES).map((itemType) => ({ itemType, itemId: f.item! }))) : undefined,
      f.unit ? findUnit(db, f.unit) : undefined,
    ]);
    const found = item && [...item.values()][0];
    const filters = { itemType: f.itemType, item: f.item ? (found ? `${found.code} ${found.title}` : null) : undefined, unit: f.unit ? (unit?.name ?? null) : undefined, status: f.status, period: f.period };
    job.phase('writing', total);
    return sendXlsx(reply, reportsXlsx({ district, today, filters }, reportExportPages(db, req.ctx.actor, f), job.done), 'reports.xlsx', `进展报送-${today}.xlsx`, job);
  });

  // 指挥部工作台: the desk's five lists whole, a sheet each.
  app.get('/api/exports/hq-desk.xlsx', { schema: { tags, response: errors } }, async (req, reply) => {
    authorize(workbenchPolicy.route.hqExport(req.ctx.actor));
    const { db } = req.ctx.database;
    const [district, lists] = await Promise.all([readerRegionName(db, req.ctx.actor), hqDeskLists(db, req.ctx.actor)]);
    return sendXlsx(reply, hqDeskXlsx(district, lists), 'hq-desk.xlsx', `指挥部工作台-${lists.today}.xlsx`);
  });
}
