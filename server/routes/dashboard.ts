import { shanghaiDate } from '../../domain/calendar/days.js';
import { dashboardRange } from '../../domain/dashboard.js';
import { DashboardQuery, DashboardResponse } from '../../domain/schemas/dashboard.js';
import { ErrorBody } from '../../domain/schemas/common.js';
import type { App } from '../app.js';
import { now } from '../clock.js';
import { authorize } from '../policies/actor.js';
import { dashboardPolicy, dashboardSlice } from '../policies/dashboard.js';
import { presentDashboard } from '../presenters/dashboard.js';
import { dashboardFacts } from '../queries/dashboard.js';
import { keptReplies } from './keptReply.js';
import { sliceNames, sliceSql } from '../queries/dashboardSlice.js';
import { drilledReader, regionName } from '../queries/regionTree.js';

const sendKeptDashboard = keptReplies(200);

/** 领导驾驶舱: every panel in one reply, for a period around today or custom days, of the reader's slice. */
export default function dashboardRoutes(app: App) {
  app.get('/api/dashboard', { schema: { tags: ['dashboard'], querystring: DashboardQuery, response: { 200: DashboardResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } } }, async (req, reply) => {
    const actor = req.ctx.actor;
    authorize(dashboardPolicy.route.read(actor));
    const slice = dashboardSlice(actor)!;
    const { period, from, to, region } = req.query;
    const today = shanghaiDate(now());
    const range = dashboardRange(period, today, from && to ? { from, to } : undefined);
    const db = req.ctx.database.db;
    // Drilling into one region of the reader's (issue 25): another district's, or one that does not exist, is the same 404.
    const reader = (await drilledReader(db, actor, region))!;
    // The slice decides every count (its blockers' and reports' scopes too): readers with the same slice share a reply.
    const policies = dashboardPolicy.routePolicies(actor);
    const key = JSON.stringify([slice, region ?? null, period, range.from, range.to, today, policies]);
    return sendKeptDashboard(req, reply, key, DashboardResponse, async () => {
      const [facts, names, named] = await Promise.all([
        dashboardFacts(db, sliceSql(db, reader, slice), today, range.from, range.to),
        sliceNames(db, slice),
        region ? regionName(db, region) : null,
      ]);
      return { data: presentDashboard(facts, today, { kind: period, ...range }, { whole: slice.whole, ...names, region: named }), policies };
    });
  });
}
