import { z } from 'zod';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../domain/schemas/common.js';
import { Delivery, DeliveryLogQuery, InboxMessage, InboxQuery, UnreadCount } from '../../domain/schemas/reminder.js';
import { scopeOf } from '../queries/regionScope.js';
import type { App } from '../app.js';
import { markAllRead, markRead } from '../commands/reminders/markRead.js';
import { notFound } from '../errors.js';
import { authorize } from '../policies/actor.js';
import { inboxPolicy, notificationSettingsPolicy } from '../policies/notification.js';
import { presentDelivery, presentInboxMessage } from '../presenters/reminders/inbox.js';
import { listDeliveries } from '../queries/reminders/deliveries.js';
import { findOwnMessage, listInbox, unreadCount } from '../queries/reminders/inbox.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['inbox'];

/**
 * The inbox (issue 20 item 4): each person's messages — the day's reminder digest, 督查 notices to
 * their unit — with the bell's unread count; the HQ office's delivery log (its settings:
 * routes/notificationChannels.ts).
 */
export default function inboxRoutes(app: App) {
  app.get('/api/inbox', { schema: { tags, querystring: InboxQuery, response: { 200: listResponse(InboxMessage), ...errors } } }, async (req) => {
    authorize(inboxPolicy.route.read(req.ctx.actor));
    const { page, perPage, unread } = req.query;
    const { rows, total } = await listInbox(req.ctx.database.db, req.ctx.actor, unread === 'true', page, perPage);
    return { data: rows.map((r) => presentInboxMessage(r, req.ctx.lang)), page: { page, perPage, total }, policies: inboxPolicy.routePolicies(req.ctx.actor) };
  });

  // Asked by the bell on every page: one indexed count, nothing else.
  app.get('/api/inbox/unread', { schema: { tags, response: { 200: UnreadCount, ...errors } } }, async (req) => {
    authorize(inboxPolicy.route.read(req.ctx.actor));
    return { data: { unread: await unreadCount(req.ctx.database.db, req.ctx.actor) } };
  });

  app.post('/api/inbox/:id/read', { schema: { tags, params: IdParams, response: { 200: itemResponse(InboxMessage), ...errors } } }, async (req) => {
    authorize(inboxPolicy.route.markRead(req.ctx.actor));
    await markRead(req.ctx, req.params.id);
    const row = await findOwnMessage(req.ctx.database.db, req.ctx.actor, req.params.id);
    if (!row) throw notFound('notification');
    return { data: presentInboxMessage(row, req.ctx.lang), policies: inboxPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/inbox/read-all', { schema: { tags, response: { 200: z.object({ data: z.object({ marked: z.number() }) }), ...errors } } }, async (req) => {
    authorize(inboxPolicy.route.markRead(req.ctx.actor));
    return { data: { marked: await markAllRead(req.ctx) } };
  });

  app.get('/api/notifications', { schema: { tags, querystring: DeliveryLogQuery, response: { 200: listResponse(Delivery), ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.readLog(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listDeliveries(req.ctx.database.db, scopeOf(req.ctx.actor), filter, page, perPage);
    return { data: rows.map(presentDelivery), page: { page, perPage, total }, policies: notificationSettingsPolicy.routePolicies(req.ctx.actor) };
  });
}
