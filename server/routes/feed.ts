import { z } from 'zod';
import { ErrorBody } from '../../domain/schemas/common.js';
import { FeedPage, FeedQuery, FeedStreamQuery } from '../../domain/schemas/feed.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { FeedHub } from '../feed/feedHub.js';
import { FeedStream, STREAM_LIMITS, type StreamLimits } from '../feed/feedStream.js';
import { fieldName } from '../i18n.js';
import { authorize } from '../policies/actor.js';
import { feedPolicy } from '../policies/feed.js';
import { presentFeedEvent } from '../presenters/feed.js';
import { listFeed } from '../queries/feed.js';
import { currentSecurityPolicy } from '../queries/settings.js';
import { loadSession, SESSION_COOKIE } from '../security/sessions.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['feed'];

/** The Last-Event-ID header EventSource sends when it reconnects: an audit id, else bad input naming the header. */
function lastEventIdHeader(value: string | string[] | undefined, lang: 'zh-CN' | 'en-US'): number | undefined {
  if (value === undefined) return undefined;
  const v = Array.isArray(value) ? value[0] : value;
  if (v !== undefined && /^\d{1,15}$/.test(v)) return Number(v);
  const message = lang === 'zh-CN' ? '应为事件编号（非负整数）' : 'must be an event id (a non-negative integer)';
  throw new AppError(400, 'validation', { detail: `${fieldName('Last-Event-ID', lang)} ${message}` }, { 'Last-Event-ID': message });
}

/**
 * 工作动态: `GET /api/feed` pages back through the feed; `GET /api/feed/stream` pushes new events
 * as Server-Sent Events. One hub per app reads new audit records once per notification and hands
 * them to this app's streams; it starts with the first stream and stops when the app closes.
 */
export default function feedRoutes(app: App, given: Partial<StreamLimits> = {}) {
  const limits: StreamLimits = { ...STREAM_LIMITS, ...given };
  let hub: Promise<FeedHub> | null = null;
  let hubNow: FeedHub | null = null;
  app.metrics.countSseClients(() => hubNow?.size ?? 0);
  const hubFor = (database: Database): Promise<FeedHub> => {
    hub ??= FeedHub.start(database, (e) => app.log.error({ err: e }, 'feed: reading new audit records failed')).catch((e: unknown) => {
      hub = null;
      throw e;
    });
    return hub;
  };
  // Before the server stops accepting: open streams would otherwise keep app.close() waiting for ever.
  app.addHook('preClose', async () => {
    const h = hub && (await hub.catch(() => null));
    hub = null;
    await h?.stop();
  });

  app.get('/api/feed', { schema: { tags, querystring: FeedQuery, response: { 200: FeedPage, ...errors } } }, async (req) => {
    const actor = req.ctx.actor;
    authorize(feedPolicy.route.read(actor));
    const { perPage, before, ...filter } = req.query;
    const rows = await listFeed(req.ctx.database.db, actor!, filter, { before, limit: perPage + 1, order: 'newest' });
    const shown = rows.slice(0, perPage);
    return {
      data: shown.map((r) => presentFeedEvent(r, req.ctx.lang)),
      next: rows.length > perPage ? shown[shown.length - 1]!.id : null,
      policies: feedPolicy.routePolicies(actor),
    };
  });

  app.get(
    '/api/feed/stream',
    { schema: { tags, querystring: FeedStreamQuery, response: { 200: z.string().describe('text/event-stream: `id:` the audit id, `data:` a FeedEvent'), ...errors } } },
    async (req, reply) => {
      const actor = req.ctx.actor!;
      authorize(feedPolicy.route.read(actor));
      const { lastEventId: fromQuery, live, ...filter } = req.query;
      const lastEventId = lastEventIdHeader(req.headers['last-event-id'], req.ctx.lang) ?? fromQuery;
      const database = req.ctx.database;
      const h = await hubFor(database);
      hubNow = h;
      const res = reply.raw;
      let timer: NodeJS.Timeout | null = null;
      const stream = new FeedStream(res, actor, req.ctx.lang, filter, limits.maxBufferedBytes, () => {
        remove();
        if (timer) clearInterval(timer);
      });
      // Joined before the replay is read: what is linked meanwhile is held, then sent after it.
      const remove = h.add(stream);
      const upTo = h.lastSeen;
      let replay;
      try {
        replay = lastEventId === undefined ? [] : (await listFeed(database.db, actor, filter, { after: lastEventId, upTo, limit: limits.replayCap, order: 'newest' })).reverse();
      } catch (e) {
        remove();
        throw e;
      }
      reply.hijack();
      res.writeHead(200, {
        ...reply.getHeaders(),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // A reverse proxy (nginx) would otherwise hold events back to fill its buffer.
        'x-accel-buffering': 'no',
      });
      // Before anything is written: a client gone during its replay must leave the hub too.
      res.on('close', () => stream.drop());
      stream.write('retry: 3000\n\n');
      stream.goLive(replay);
      if (live === 'false') return stream.close();
      const token = req.cookies[SESSION_COOKIE];
      // The session is checked again with every heartbeat: a stream ends with its session (sign-out, expiry, a disabled account).
      timer = setInterval(() => {
        void (async () => {
          const found = token ? await loadSession(database, token, await currentSecurityPolicy(database.db)).catch(() => null) : null;
          if (!found?.ok || !feedPolicy.route.read(found.session.actor)) return stream.close();
          stream.actor = found.session.actor;
          stream.heartbeat();
        })();
      }, limits.heartbeatMs);
      timer.unref();
    },
  );
}
