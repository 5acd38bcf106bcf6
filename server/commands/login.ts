import { eq } from 'drizzle-orm';
import { shanghaiDateTime } from '../../domain/calendar/days.js';
import { isAdminRole } from '../../domain/enums.js';
import { lockoutHorizonMs, lockState } from '../../domain/lockout.js';
import type { LoginInput, SessionStage } from '../../domain/schemas/auth.js';
import { sessionStage } from '../../domain/sessionStage.js';
import { NO_UNIT, recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { users } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { clearLoginFailures, recentFailures, recordLoginFailure, type LoginSubject } from '../queries/loginFailures.js';
import { readSecurityPolicy } from '../queries/settings.js';
import { findUserForLogin, rolesOf } from '../queries/users.js';
import type { AuthThrottle } from '../security/authThrottle.js';
import { burnPasswordCheck, verifyPassword } from '../security/passwords.js';
import { createSession } from '../security/sessions.js';

export type LoginOutcome = { ok: true; token: string; csrfToken: string; stage: SessionStage } | { ok: false; error: AppError };

/** 429 with the moment the lock ends. */
// The message names the district's wall-clock time; `unlocksAt` carries the instant for machines.
export const lockedError = (until: Date) => new AppError(429, 'account_locked', { until: shanghaiDateTime(until) }, undefined, { unlocksAt: until.toISOString() });

/**
 * One login attempt, let through by the throttle (per-address and overall limits, bounded pool).
 * Checks the password outside any transaction (argon2 takes tens of milliseconds and the embedded
 * database runs one transaction at a time), then records the outcome — failure, lock or new session —
 * in one transaction with its audit record. Failures are answered after they are committed.
 *
 * An unknown account, a disabled one and a wrong password take the same steps (a password hash
 * included) and get the same answer, locks included: no answer tells which accounts exist or
 * confirms a password. Locks hold per account and source address (domain/lockout.ts), so nobody
 * can lock anyone else out from their own address.
 */
export function login(ctx: Ctx, input: LoginInput, throttle: AuthThrottle): Promise<LoginOutcome> {
  return throttle.attempt(ctx, () => checkLogin(ctx, input));
}

async function checkLogin(ctx: Ctx, input: LoginInput): Promise<LoginOutcome> {
  const db = ctx.database.db;
  const { policy } = await readSecurityPolicy(db);
  const user = await findUserForLogin(db, input.account);
  const subject: LoginSubject = user ? { userId: user.id } : { account: input.account.toLowerCase() };
  const who = { ...ctx, actor: user ? { userId: user.id, account: user.account, unitId: user.unitId, roles: [], regionIds: [] } : null };
  // Sign-ins change no unit's kept replies (NO_UNIT): the workbenches and task lists read no user or session.
  const about = (after: Record<string, unknown>) => (user ? { entity: 'user', entityId: user.id, after, scope: NO_UNIT } : { entity: 'session', after: { account: input.account, ...after }, scope: NO_UNIT });
  const horizon = lockoutHorizonMs(policy);
  const lockResetAt = user?.lockResetAt ?? null;
  const before = lockState(await recentFailures(db, subject, ctx.ip, lockResetAt, horizon), new Date(), policy);
  if (before.locked) {
    await inTx(ctx, (tx) => recordAudit(tx, who, 'auth.login_refused_locked', about({ until: before.until })));
    return { ok: false, error: lockedError(before.until!) };
  }
  let passwordRight = false;
  if (user) passwordRight = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !passwordRight || user.disabled) {
    const reason = !user ? 'unknown_account' : !passwordRight ? 'wrong_password' : 'disabled';
    return inTx(ctx, async (tx) => {
      const now = new Date();
      await recordLoginFailure(tx, subject, ctx.ip, now);
      const after = lockState(await recentFailures(tx, subject, ctx.ip, lockResetAt, horizon, now), now, policy);
      await recordAudit(tx, who, after.locked ? 'auth.account_locked' : 'auth.login_failed', about({ reason, lockedUntil: after.until ?? null }));
      return { ok: false as const, error: after.locked ? lockedError(after.until!) : new AppError(401, 'invalid_credentials') };
    });
  }
  const actor = who.actor!;
  const roles = await rolesOf(db, [user.id]);
  const stage = sessionStage({
    mustChangePassword: user.mustChangePassword,
    needsTotp: roles.some((r) => isAdminRole(r.role as never)),
    totpEnabled: user.totpEnabled,
    totpVerified: false,
  });
  return inTx(ctx, async (tx) => {
    const s = await createSession(tx, user.id, stage, ctx.ip);
    // A login succeeds with its second factor: until then earlier failures keep counting (verifyTotp clears them).
    if (stage !== 'totp_verify') {
      await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
      await clearLoginFailures(tx, user.id, ctx.ip);
    }
    // The session it opened, by a prefix of its id (a hash of the token, never the token itself).
    await recordAudit(tx, { ...ctx, actor }, 'auth.login', { entity: 'session', entityId: user.id, after: { stage, session: s.sessionId.slice(0, 12) }, scope: NO_UNIT });
    return { ok: true as const, token: s.token, csrfToken: s.csrfToken, stage };
  });
}
