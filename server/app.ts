import fs from 'node:fs';
import path from 'node:path';
import { appMetrics, type AppMetrics } from './metrics/appMetrics.js';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { LIMITS } from '../domain/limits.js';
import type { SessionStage } from '../domain/schemas/auth.js';
import type { Database } from './db/client.js';
import type { Ctx } from './context.js';
import { pickLang } from './i18n.js';
import { authenticate, isApiPath } from './security/authenticate.js';
import { regionGate } from './security/regionGate.js';
import { authThrottle, DEFAULT_AUTH_LIMITS, type AuthLimits } from './security/authThrottle.js';
import { DEFAULT_PUBLIC_LIMITS, publicThrottle, type PublicLimits } from './security/publicThrottle.js';
import { collectRoutes } from './routeList.js';
import { errorHandler, refuseOtherCharsets, textGuard } from './errorHandler.js';
import { securityHeaders } from './securityHeaders.js';
import { DEFAULT_HTTP_LIMITS, httpServerOptions, limitConnectionsPerIp, type HttpLimits } from './httpLimits.js';
import { routeNotFound } from './errors.js';
import { DEFAULT_REFUSAL_LIMITS, type RefusalLimits } from './accessLog.js';
import { registerRoutes } from './routes/index.js';
import { endJobsWithTheirAnswers } from './progress/jobOf.js';
import type { StreamLimits } from './feed/feedStream.js';
import { notifyFeedOnLink } from './feed/feedNotify.js';
import { idempotencyKeys } from './idempotency/idempotencyKeys.js';

/** A request slower than this is logged as slow (see the onResponse hook). */
const SLOW_REQUEST_MS = 2000;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    stage: SessionStage | null;
  }
  interface FastifyInstance {
    refusalLimits: RefusalLimits;
    metrics: AppMetrics;
    /** Who may read GET /metrics: the bearer of TUIJIN_METRICS_TOKEN; without one a loopback client, unless the app is behind a named proxy. */
    metricsAccess: { token: string | undefined; behindProxy: boolean };
    /** The backup folder (TUIJIN_BACKUP_DIR), when the app has one. */
    backupDir: string | undefined;
  }
  interface FastifyContextConfig {
    /** Every route needs a signed-in session unless it declares itself public. */
    auth?: 'public';
    /** The login stages at which a session may call the route (default: only "ok", a finished login). */
    stages?: readonly SessionStage[];
    /**
     * The route honours `Idempotency-Key` (server/idempotency/): a request with a key runs in one
     * transaction, its handler's `ctx.database` included, and a repeat gets the first answer. For a
     * write that creates something; a multipart route must read its form with server/uploads.ts.
     */
    idempotent?: boolean;
  }
}

export interface AppOptions {
  database: Database;
  logLevel?: string;
  /** The process's logger (server/main.ts); without it Fastify makes one at logLevel. */
  logger?: FastifyBaseLogger;
  secureCookies?: boolean;
  /** Built web app to serve (dist/web); skipped when absent. */
  webDir?: string;
  /** Request deadlines and connections per address of the listening server. */
  http?: HttpLimits;
  /** Credential attempts let through; production defaults (DEFAULT_AUTH_LIMITS) for what is not given. */
  authLimits?: Partial<AuthLimits>;
  /** Public complaint submissions and tracking lookups let through (server/security/publicThrottle.ts); production defaults otherwise. */
  publicLimits?: Partial<PublicLimits>;
  /** Refused requests recorded one by one per minute (server/accessLog.ts); production defaults otherwise. */
  refusalLimits?: Partial<RefusalLimits>;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client. Behind a
   * proxy that is not named, every client has the proxy's address: one client's failed logins
   * would lock the account for all, and the per-address limit would count everyone together.
   */
  trustProxy?: string[];
  /** The feed stream's heartbeat, buffer bound and replay cap (server/feed/feedStream.ts); production defaults otherwise. */
  feedLimits?: Partial<StreamLimits>;
  /** The bearer token of GET /metrics (TUIJIN_METRICS_TOKEN); without it only loopback clients may read it. */
  metricsToken?: string;
  /** Where the backups are (TUIJIN_BACKUP_DIR): /metrics and the sysadmin's system status tell their age. */
  backupDir?: string;
}

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/**
 * Request ids (in every audit record and log line): this process's random prefix and a counter, unique
 * across processes and restarts; a UUID per request cost a third of a small page's throughput.
 */
function requestIds(): () => string {
  const prefix = randomUUID().slice(0, 8);
  let n = 0;
  return () => `${prefix}-${(++n).toString(36)}`;
}

/** Builds the Fastify app; the server and the tests (through app.inject) build it the same way. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    // The server's process logger (server/startLog.ts), so start-up, jobs and requests share one JSON stream; tests let Fastify make one.
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: { level: opts.logLevel ?? 'warn' } }),
    // Two lines per request would bury the job runs and warnings that info is for; debug keeps them.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(opts.logLevel ?? 'warn') }),
    bodyLimit: 1024 * 1024,
    genReqId: requestIds(),
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
    // A malformed URL (`/api/units/%`) is refused before routing: answer it in the house error shape too.
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
    ...httpServerOptions(opts.http ?? DEFAULT_HTTP_LIMITS),
  }).withTypeProvider<ZodTypeProvider>();
  limitConnectionsPerIp(app.server, (opts.http ?? DEFAULT_HTTP_LIMITS).maxConnectionsPerIp);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  collectRoutes(app);
  await app.register(cookie);
  securityHeaders(app, { secureCookies: opts.secureCookies ?? false });
  // Before any plugin that adds routes (multipart, the API document): a hook or error handler added
  // later would not reach a plugin's routes, and /api/docs answered without a session.
  app.decorate('refusalLimits', { ...DEFAULT_REFUSAL_LIMITS, ...opts.refusalLimits });
  app.decorate('metrics', appMetrics(opts.database, { backupDir: opts.backupDir }));
  app.decorate('backupDir', opts.backupDir);
  app.decorate('metricsAccess', { token: opts.metricsToken, behindProxy: !!opts.trustProxy?.length });
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('stage', null);
  // The hooks every request runs are callback-style and return at once when there is nothing to
  // wait for: an async hook costs a promise and a turn of the microtask queue on every request,
  // which on the cheapest routes (a page from memory) was a measurable share of their time.
  app.addHook('onRequest', (req, reply, done) => {
    req.ctx = {
      database: opts.database,
      actor: null,
      ip: req.ip ?? null,
      requestId: String(req.id),
      lang: pickLang(req.cookies.lang, req.headers['accept-language']),
      sessionId: null,
    };
    // On the route Fastify matched, whatever the URL's spelling (`/%61pi/me` is `/api/me`).
    const pending = authenticate(req, reply);
    if (pending) pending.then(() => done(), done);
    else done();
  });
  app.setErrorHandler(errorHandler);
  app.addHook('preParsing', (req, _reply, _payload, done) => {
    refuseOtherCharsets(req);
    done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    textGuard(req);
    done();
  });
  // After validation (the params are parsed) and before any route's own handlers.
  app.addHook('preHandler', regionGate);
  idempotencyKeys(app as unknown as App);
  // The server's own time for the request (parsed, authorised, answered and serialised), so the
  // browser's devtools and the benchmark can tell it apart from the network.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/')) reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    done(null, payload);
  });
  endJobsWithTheirAnswers(app);
  // A request that took seconds is named in the log at the level production keeps, so a stall
  // (a held database, a slow query) can be found afterwards in the log rather than guessed at.
  app.addHook('onResponse', (req, reply, done) => {
    const ms = reply.elapsedTime;
    app.metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, ms / 1000);
    if (ms >= SLOW_REQUEST_MS) req.log.warn({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(ms) }, 'slow request');
    done();
  });
  await app.register(multipart, { limits: { fileSize: LIMITS.importBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tuijin API', version: '0.1.0', description: '推进 — the action-program platform' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tuijin_sid' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Steps taken here reach the feed clients of every process on the database (server/feed/).
  notifyFeedOnLink(opts.database, (err) => app.log.error({ err }, 'feed: NOTIFY failed'));
  const throttle = authThrottle({ ...DEFAULT_AUTH_LIMITS, ...opts.authLimits });
  const publicThrottleOf = publicThrottle({ ...DEFAULT_PUBLIC_LIMITS, ...opts.publicLimits });
  await app.register(async (api) => registerRoutes(api as unknown as App, { secureCookies: !!opts.secureCookies, throttle, publicThrottle: publicThrottleOf, feedLimits: opts.feedLimits ?? {} }));

  const webDir = opts.webDir && fs.existsSync(opts.webDir) ? opts.webDir : undefined;
  if (webDir) {
    // The web app's files are public (the login page is one of them): the routes the plugin adds
    // while it is registered are declared so, and no route added after it.
    let declaringWebApp = true;
    app.addHook('onRoute', (route) => {
      if (declaringWebApp) route.config = { ...(route.config as object), auth: 'public' } as typeof route.config;
    });
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      cacheControl: false,
      // Vite names assets/ by content hash, so they never change; index.html names the current ones, and the
      // service worker, manifest and icons keep their names: those must be re-read after a deploy.
      setHeaders: (res, file) => res.setHeader('cache-control', /^assets[\\/]/.test(path.relative(webDir, file)) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    declaringWebApp = false;
  }
  // The page behind every deep link and reload, sent from memory: read from disk for each request it
  // cost five times the time of the bytes themselves (bench/bareHttp.ts). A new build comes with a restart.
  const indexFile = webDir && path.join(webDir, 'index.html');
  const indexHtml = indexFile && fs.existsSync(indexFile) ? fs.readFileSync(indexFile) : undefined;
  // The public portal is its own small page (web/public.html): /public and its deep links, except the
  // complaint form under /public/complaint, which the main web app serves.
  const portalFile = webDir && path.join(webDir, 'public.html');
  const portalHtml = portalFile && fs.existsSync(portalFile) ? fs.readFileSync(portalFile) : undefined;
  app.setNotFoundHandler((req, reply) => {
    // An unknown API path is an error in the house shape (with or without the web app); any other path is the web app's.
    if (!indexHtml || isApiPath(req.url)) throw routeNotFound();
    const page = portalHtml && isPortalPath(req.url) ? portalHtml : indexHtml;
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
  return app as unknown as App;
}

/** Whether a path is the public portal's page: /public and below, but not the complaint form (/public/complaint…). */
export function isPortalPath(url: string): boolean {
  const p = url.split(/[?#]/)[0]!;
  if (p !== '/public' && !p.startsWith('/public/')) return false;
  return !/^\/public\/complaint(?:\/|$)/.test(p);
}
