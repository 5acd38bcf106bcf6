import os from 'node:os';
import { lockoutHorizonMs, LOCKOUT_MAX_MINUTES } from '../../domain/lockout.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { rateLimited } from '../errors.js';
import { AttemptGate } from './attemptGate.js';
import { countHits, pruneAttempts } from './rateCounters.js';

/** How many credential attempts (logins, second-factor codes, current passwords) are let through. */
export interface AuthLimits {
  /** Attempts one source address may make per minute. */
  perAddressPerMinute: number;
  /** Attempts all addresses together may make per minute. */
  overallPerMinute: number;
  /** Attempts checked at once (each may hash a password). */
  concurrency: number;
  /** Attempts waiting for a turn beyond those; more are refused with 429 at once. */
  queue: number;
}

/**
 * Production defaults. An office behind one NAT address logs in at most a few dozen people a
 * minute; the attacker of the security issue sent 355 logins in 7 s. Set higher through
 * TUIJIN_AUTH_* (README) or buildApp's authLimits for benchmarks and tests that log in a lot.
 */
export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  perAddressPerMinute: 30,
  overallPerMinute: 600,
  concurrency: os.availableParallelism(),
  queue: 32,
};

const WINDOW_SECONDS = 60;
const PRUNE_EVERY_MS = 60_000;
/** Failed logins are kept as long as any lock can use them, with a day to spare. */
const KEEP_FAILURES_MS = lockoutHorizonMs({ lockoutWindowMinutes: 1440, lockoutMinutes: LOCKOUT_MAX_MINUTES, lockoutThreshold: 3 }) + 86_400_000;

export interface AuthThrottle {
  readonly limits: AuthLimits;
  /**
   * Runs one credential attempt: in the bounded pool (429 at once when it is full), after counting
   * it against the address's and the overall limits (429 with Retry-After beyond them; the first
   * refusal of a window is audited, later ones are not, so that a flood cannot flood the log).
   */
  attempt<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T>;
}

export function authThrottle(limits: AuthLimits = DEFAULT_AUTH_LIMITS): AuthThrottle {
  const gate = new AttemptGate(limits.concurrency, limits.queue);
  let prunedAt = 0;
  const count = async (ctx: Ctx) => {
    const db = ctx.database.db;
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneAttempts(db, KEEP_FAILURES_MS);
    }
    const address = `auth:address:${ctx.ip ?? 'unknown'}`;
    const overall = 'auth:overall';
    const max: Record<string, number> = { [address]: limits.perAddressPerMinute, [overall]: limits.overallPerMinute };
    const over = (await countHits(db, [address, overall], WINDOW_SECONDS)).filter((c) => c.hits > max[c.key]!);
    if (over.length === 0) return;
    const first = over.filter((c) => c.hits === max[c.key]! + 1);
    if (first.length) {
      await inTx(ctx, (tx) =>
        recordAudit(tx, { ...ctx, actor: null }, 'auth.rate_limited', {
          entity: 'rate_limit',
          entityId: first.map((c) => c.key).join(' '),
          after: { limits: first.map((c) => ({ key: c.key, perMinute: max[c.key] })) },
        }),
      );
    }
    throw rateLimited(Math.max(...over.map((c) => c.retryAfter)));
  };
  return {
    limits,
    attempt: (ctx, fn) =>
      gate.run(async () => {
        await count(ctx);
        return fn();
      }),
  };
}
