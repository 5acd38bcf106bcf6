import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../app.js';
import { AppError } from '../errors.js';
import { failingJobs, JOB_NAMES } from '../jobs/jobHealth.js';
import { databaseAnswers } from '../queries/health.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  /** The scheduled jobs whose last run in this process failed (they are retried; the log has why). */
  failingJobs: z.array(z.enum(JOB_NAMES)),
});

/** Loopback addresses: a Prometheus on this machine reads /metrics without a token. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export default function healthRoutes(app: App) {
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['system'], response: { 200: Health, 503: Health } },
    },
    async (req, reply) => {
      const database = (await databaseAnswers(req.ctx.database.db)) ? ('ok' as const) : ('unreachable' as const);
      const failing = failingJobs(req.ctx.database);
      const body = { status: database === 'ok' && failing.length === 0 ? ('ok' as const) : ('degraded' as const), database, failingJobs: failing };
      return reply.code(body.status === 'ok' ? 200 : 503).send(body);
    },
  );

  // For the operator's Prometheus, not for users: no session, but a bearer token (TUIJIN_METRICS_TOKEN)
  // or, without one, a client on this machine that came through no proxy: a proxy on the same host
  // connects from loopback on behalf of anyone, so a request it forwarded (it says so in its headers),
  // or any request once TUIJIN_TRUST_PROXY names one, needs the token. Route names and counts only;
  // nothing about users or their data.
  app.get('/metrics', { config: { auth: 'public' }, schema: { tags: ['system'], description: 'Prometheus text format; a bearer token (TUIJIN_METRICS_TOKEN) or a loopback client' } }, async (req, reply) => {
    const { token, behindProxy } = app.metricsAccess;
    const auth = req.headers.authorization;
    const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => req.headers[h] !== undefined) || behindProxy;
    const allowed = token ? typeof auth === 'string' && auth.startsWith('Bearer ') && sameToken(auth.slice(7), token) : !forwarded && LOOPBACK.test(req.socket.remoteAddress ?? '');
    if (!allowed) throw new AppError(403, 'forbidden');
    const { contentType, body } = await app.metrics.render();
    return reply.header('cache-control', 'no-store').type(contentType).send(body);
  });
}
