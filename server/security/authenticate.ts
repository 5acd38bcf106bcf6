import type { FastifyReply, FastifyRequest } from 'fastify';
import { stageAllows } from '../../domain/sessionStage.js';
import { AppError } from '../errors.js';
import { currentSecurityPolicy } from '../queries/settings.js';
import { loadSession, SESSION_COOKIE, touchSession } from './sessions.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The path as the router reads it: percent-decoded, `//` and `/./` collapsed. */
function routerPath(url: string): string {
  const path = url.split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  return decoded.replace(/\/(\.\/)+/g, '/').replace(/\/{2,}/g, '/');
}

/** Whether an unmatched URL names the API (its 404 is the API's, given only to a session). */
export const isApiPath = (url: string): boolean => /^\/api(\/|$)/i.test(routerPath(url));

/**
 * Whether the request reached a public route. Every route is protected unless it declares
 * `config.auth: 'public'`; a URL that matched no route is public only outside the API (the web
 * app's pages), so a stranger learns nothing of which API paths exist.
 */
function isPublic(url: string | undefined, config: FastifyRequest['routeOptions']['config'] | undefined, rawUrl: string): boolean {
  if (url === undefined) return !isApiPath(rawUrl);
  return config?.auth === 'public';
}

/**
 * Resolves the session cookie into the request's actor, then enforces what the matched route
 * needs: a session (401), a login stage the route serves (403 stage_required) and, on writes,
 * the CSRF token. It runs on every request, so a URL spelled differently (`/%61pi/me`) meets
 * the same checks as the route it reaches. Without a session cookie it decides at once (no
 * promise): most requests for the web app's pages and public routes carry none.
 */
export function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
  // routeOptions is built afresh at every read: read once.
  const route = req.routeOptions;
  const open = isPublic(route.url, route.config, req.url);
  const token = req.cookies[SESSION_COOKIE];
  if (token) return withSession(req, reply, token, open, route.config?.stages);
  if (open) return undefined;
  throw new AppError(401, 'unauthenticated');
}

async function withSession(req: FastifyRequest, reply: FastifyReply, token: string, open: boolean, stages: Parameters<typeof stageAllows>[1]): Promise<void> {
  const db = req.ctx.database.db;
  let expired = false;
  const policy = await currentSecurityPolicy(db);
  const found = await loadSession(req.ctx.database, token, policy);
  if (found.ok) {
    req.ctx.actor = found.session.actor;
    req.ctx.sessionId = found.session.sessionId;
    req.stage = found.session.stage;
    if (found.touch) await touchSession(db, found.session.sessionId);
    if (MUTATING.has(req.method) && !open && req.headers['x-csrf-token'] !== found.session.csrfToken) {
      throw new AppError(403, 'csrf');
    }
  } else {
    expired = found.reason === 'expired';
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
  if (open) return;
  if (!req.ctx.actor) throw new AppError(401, expired ? 'session_expired' : 'unauthenticated');
  const stage = req.stage!;
  if (stageAllows(stage, stages)) return;
  // A signed-in session asked for a step of the login (verifying a code again): nothing is missing.
  if (stage === 'ok') throw new AppError(403, 'stage_done');
  throw new AppError(403, 'stage_required', { stage: `@${stage}` });
}
