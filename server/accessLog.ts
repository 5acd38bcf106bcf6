// Security events that change no data and so have no write transaction of their own: refused
// requests (401/403), and reads only some may make (the audit log, its verification, evidence
// files). 等保 asks for them to be recorded; each gets one audit record, in the same chain.
import type { FastifyRequest } from 'fastify';
import { NO_UNIT, recordAudit, type AuditEntry } from './audit.js';
import type { Ctx } from './context.js';
import type { AppError } from './errors.js';
import { countHits } from './security/rateCounters.js';
import { SESSION_COOKIE } from './security/sessions.js';

/** Refusals recorded one by one per minute: from one source address, and from all together. */
export interface RefusalLimits {
  perAddress: number;
  overall: number;
}
export const DEFAULT_REFUSAL_LIMITS: RefusalLimits = { perAddress: 20, overall: 600 };
const WINDOW_SECONDS = 60;
/** Refusals that already leave their own record (failed logins, wrong current passwords). */
const RECORDED_ELSEWHERE = new Set(['invalid_credentials', 'password_guesses_exceeded']);

/** One audit record in a transaction of its own, linked before the request is answered. It changes no unit's kept replies. */
export async function recordAccess(ctx: Ctx, action: string, entry: AuditEntry): Promise<void> {
  await ctx.database.db.transaction((tx) => recordAudit(tx, ctx, action, { scope: NO_UNIT, ...entry }));
  await ctx.database.linkAudit();
}

/**
 * Records a refused request as `access.refused`: who (if signed in), from where, which route and why.
 * A flood cannot flood the chain: past the per-address or overall limit of the minute, one
 * `access.refusals_suppressed` record says so and the rest of that minute's refusals are counted,
 * not recorded. Never fails the answer: a refusal stays a refusal if it cannot be recorded.
 */
export async function recordRefusal(req: FastifyRequest, e: AppError): Promise<void> {
  const ctx = req.ctx;
  if (!ctx || (e.status !== 401 && e.status !== 403) || RECORDED_ELSEWHERE.has(e.code)) return;
  // The web app asks who is signed in when a page opens: a visitor with no session at all is no event.
  if (e.code === 'unauthenticated' && !req.cookies?.[SESSION_COOKIE] && req.method === 'GET' && req.routeOptions.url === '/api/me') return;
  const limits = req.server.refusalLimits ?? DEFAULT_REFUSAL_LIMITS;
  try {
    const address = ctx.ip ?? 'unknown';
    const counts = await countHits(ctx.database.db, [`refusal:${address}`, 'refusal:*'], WINDOW_SECONDS);
    const of = (key: string) => counts.find((c) => c.key === key)!;
    const mine = of(`refusal:${address}`);
    const all = of('refusal:*');
    if (mine.hits <= limits.perAddress && all.hits <= limits.overall) {
      await recordAccess(ctx, 'access.refused', {
        entity: 'access',
        after: { method: req.method, route: req.routeOptions.url ?? null, url: req.url.slice(0, 500), status: e.status, code: e.code },
      });
    } else if (mine.hits === limits.perAddress + 1 || all.hits === limits.overall + 1) {
      const overall = all.hits > limits.overall;
      await recordAccess(ctx, 'access.refusals_suppressed', {
        entity: 'access',
        after: {
          scope: overall ? 'all addresses' : 'address',
          limitPerMinute: overall ? limits.overall : limits.perAddress,
          notRecordedForSeconds: overall ? all.retryAfter : mine.retryAfter,
        },
      });
    }
  } catch (err) {
    req.log.warn({ err }, 'a refused request could not be recorded in the audit log');
  }
}
