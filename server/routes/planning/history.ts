import { IdParams } from '../../../domain/schemas/common.js';
import { HistoryResponse } from '../../../domain/schemas/history.js';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import type { App } from '../../app.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { projectPolicy } from '../../policies/project.js';
import { maySeeReport, reportPolicy } from '../../policies/report.js';
import { targetPolicy } from '../../policies/target.js';
import { taskPolicy } from '../../policies/task.js';
import { presentHistory } from '../../presenters/planning/history.js';
import { loadItemHistory } from '../../queries/planning/itemHistory.js';
import { loadItem } from '../../queries/reporting/items.js';
import { errors } from './shared.js';

const ITEMS: [ItemType, string, (a: Parameters<typeof taskPolicy.route.read>[0]) => boolean][] = [
  ['task', 'tasks', taskPolicy.route.read],
  ['target', 'targets', targetPolicy.route.read],
  ['project', 'projects', projectPolicy.route.read],
];

/** 变更记录: what happened to a task, target or project, for everyone who may read the item; its reports' lines only for those who may read them. */
export default function historyRoutes(app: App) {
  for (const [type, path, read] of ITEMS) {
    app.get(`/api/${path}/:id/history`, { schema: { tags: [path], params: IdParams, response: { 200: HistoryResponse, ...errors } } }, async (req) => {
      authorize(read(req.ctx.actor));
      const db = req.ctx.database.db;
      // A history of nothing is a 404, not an empty list.
      const item = await loadItem(db, type, req.params.id);
      if (!item) throw notFound(type);
      // Report lines obey the reports' own read rules (a sysadmin or publicist reads the item, not its reports).
      const actor = req.ctx.actor;
      const visible = (r: { status: ReportStatus; unitId: string }) => reportPolicy.route.read(actor) && maySeeReport(actor, { ...r, taskForceId: item.taskForceId });
      return { data: (await loadItemHistory(db, type, req.params.id, visible)).map((e) => presentHistory(e, req.ctx.lang)) };
    });
  }
}
