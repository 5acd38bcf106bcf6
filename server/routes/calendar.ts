import { z } from 'zod';
import { CalendarOverride, CalendarOverrideBody, DateParams, WorkdaysAnswer, WorkdaysQuery, YearQuery } from '../../domain/schemas/calendar.js';
import { ErrorBody, itemResponse, OkBody } from '../../domain/schemas/common.js';
import type { App } from '../app.js';
import { deleteCalendarOverride, saveCalendarOverride } from '../commands/saveCalendarOverride.js';
import { authorize } from '../policies/actor.js';
import { calendarPolicy } from '../policies/calendar.js';
import { currentCalendar, listCalendarOverrides } from '../queries/calendar.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** China's workday calendar (statutory holidays, 调休) plus the district's own overrides. */
export default function calendarRoutes(app: App) {
  app.get('/api/calendar/workdays', { schema: { tags: ['calendar'], querystring: WorkdaysQuery, response: { 200: WorkdaysAnswer, ...errors } } }, async (req) => {
    authorize(calendarPolicy.route.read(req.ctx.actor));
    const cal = await currentCalendar(req.ctx.database.db);
    return { workdays: cal.workdaysBetween(req.query.from, req.query.to) };
  });
  app.get(
    '/api/calendar/overrides',
    { schema: { tags: ['calendar'], querystring: YearQuery, response: { 200: z.object({ data: z.array(CalendarOverride), policies: z.record(z.string(), z.boolean()) }), ...errors } } },
    async (req) => {
      authorize(calendarPolicy.route.read(req.ctx.actor));
      return { data: await listCalendarOverrides(req.ctx.database.db, req.query.year), policies: calendarPolicy.routePolicies(req.ctx.actor) };
    },
  );
  app.put(
    '/api/calendar/overrides/:date',
    { schema: { tags: ['calendar'], params: DateParams, body: CalendarOverrideBody, response: { 200: itemResponse(CalendarOverride), ...errors } } },
    async (req) => {
      authorize(calendarPolicy.route.update(req.ctx.actor));
      return { data: await saveCalendarOverride(req.ctx, req.params.date, req.body), policies: calendarPolicy.routePolicies(req.ctx.actor) };
    },
  );
  app.delete('/api/calendar/overrides/:date', { schema: { tags: ['calendar'], params: DateParams, response: { 200: OkBody, ...errors } } }, async (req) => {
    authorize(calendarPolicy.route.update(req.ctx.actor));
    await deleteCalendarOverride(req.ctx, req.params.date);
    return { ok: true as const };
  });
}
