import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { currentSecurityPolicy } from '../queries/settings.js';
import { loadSession, SESSION_COOKIE, touchSession } from './sessions.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into the request's actor, then enforces what the route needs:
 * a session (401), a finished login stage (403 stage_required) and, on writes, the CSRF token.
 */
export async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const mode = req.routeOptions.config?.auth;
  const token = req.cookies[SESSION_COOKIE];
  const db = req.ctx.database.db;
  let expired = false;
  if (token) {
    const policy = await currentSecurityPolicy(db);
    const found = await loadSession(req.ctx.database, token, policy);
    if (found.ok) {
      req.ctx.actor = found.session.actor;
      req.ctx.sessionId = found.session.sessionId;
      req.stage = found.session.stage;
      if (found.touch) await touchSession(db, found.session.sessionId);
      if (MUTATING.has(req.method) && mode !== 'public' && req.headers['x-csrf-token'] !== found.session.csrfToken) {
        throw new AppError(403, 'csrf');
      }
    } else {
      expired = found.reason === 'expired';
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  }
  if (mode === 'public') return;
  if (!req.ctx.actor) throw new AppError(401, expired ? 'session_expired' : 'unauthenticated');
  if (req.stage !== 'ok' && mode !== 'staged') throw new AppError(403, 'stage_required', { stage: `@${req.stage}` });
}
