import { IdParams } from '../../../domain/schemas/common.js';
import { HistoryResponse } from '../../../domain/schemas/history.js';
import type { ItemType } from '../../../domain/work.js';
import type { App } from '../../app.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { projectPolicy } from '../../policies/project.js';
import { targetPolicy } from '../../policies/target.js';
import { taskPolicy } from '../../policies/task.js';
import { presentHistory } from '../../presenters/planning/history.js';
import { loadItemHistory } from '../../queries/planning/itemHistory.js';
import { loadItem } from '../../queries/reporting/items.js';
import { errors } from './shared.js';

const ITEMS: [ItemType, string, (a: Parameters<typeof taskPolicy.read>[0]) => boolean][] = [
  ['task', 'tasks', taskPolicy.read],
  ['target', 'targets', targetPolicy.read],
  ['project', 'projects', projectPolicy.read],
];

/** 变更记录: what happened to a task, target or project, for everyone who may read the item. */
export default function historyRoutes(app: App) {
  for (const [type, path, read] of ITEMS) {
    app.get(`/api/${path}/:id/history`, { schema: { tags: [path], params: IdParams, response: { 200: HistoryResponse, ...errors } } }, async (req) => {
      authorize(read(req.ctx.actor));
      const db = req.ctx.database.db;
      // A history of nothing is a 404, not an empty list.
      if (!(await loadItem(db, type, req.params.id))) throw notFound(type);
      return { data: (await loadItemHistory(db, type, req.params.id)).map((e) => presentHistory(e, req.ctx.lang)) };
    });
  }
}
