import { shanghaiDate } from '../../domain/calendar/days.js';
import { dashboardRange } from '../../domain/dashboard.js';
import { DashboardQuery, DashboardResponse } from '../../domain/schemas/dashboard.js';
import { ErrorBody } from '../../domain/schemas/common.js';
import type { App } from '../app.js';
import { now } from '../clock.js';
import { authorize } from '../policies/actor.js';
import { dashboardPolicy } from '../policies/dashboard.js';
import { presentDashboard } from '../presenters/dashboard.js';
import { dashboardFacts } from '../queries/dashboard.js';

/** 领导驾驶舱: every panel in one reply, for a period around today or custom days. */
export default function dashboardRoutes(app: App) {
  app.get('/api/dashboard', { schema: { tags: ['dashboard'], querystring: DashboardQuery, response: { 200: DashboardResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } } }, async (req) => {
    authorize(dashboardPolicy.route.read(req.ctx.actor));
    const { period, from, to } = req.query;
    const today = shanghaiDate(now());
    const range = dashboardRange(period, today, from && to ? { from, to } : undefined);
    const facts = await dashboardFacts(req.ctx.database.db, today, range.from, range.to);
    return { data: presentDashboard(facts, today, { kind: period, ...range }), policies: dashboardPolicy.routePolicies(req.ctx.actor) };
  });
}
