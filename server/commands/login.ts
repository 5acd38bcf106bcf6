import { eq } from 'drizzle-orm';
import { shanghaiDateTime } from '../../domain/calendar/days.js';
import { isAdminRole } from '../../domain/enums.js';
import { lockState } from '../../domain/lockout.js';
import type { LoginInput, SessionStage } from '../../domain/schemas/auth.js';
import { sessionStage } from '../../domain/sessionStage.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { loginFailures, users } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { readSecurityPolicy } from '../queries/settings.js';
import { findUserForLogin, recentFailures, rolesOf } from '../queries/users.js';
import { burnPasswordCheck, verifyPassword } from '../security/passwords.js';
import { createSession } from '../security/sessions.js';

export type LoginOutcome = { ok: true; token: string; csrfToken: string; stage: SessionStage } | { ok: false; error: AppError };

/** 429 with the moment the lock ends. */
// The message names the district's wall-clock time; `unlocksAt` carries the instant for machines.
export const lockedError = (until: Date) => new AppError(429, 'account_locked', { until: shanghaiDateTime(until) }, undefined, { unlocksAt: until.toISOString() });

/**
 * Checks the password outside any transaction (argon2 takes tens of milliseconds and the embedded
 * database runs one transaction at a time), then records the outcome — failure, lock or new session —
 * in one transaction with its audit record. Failures are answered after they are committed.
 */
export async function login(ctx: Ctx, input: LoginInput): Promise<LoginOutcome> {
  const db = ctx.database.db;
  const { policy } = await readSecurityPolicy(db);
  const user = await findUserForLogin(db, input.account);
  const anon = { ...ctx, actor: null };
  if (!user) {
    await burnPasswordCheck(input.password);
    await inTx(ctx, (tx) => recordAudit(tx, anon, 'auth.login_failed', { entity: 'session', after: { account: input.account, reason: 'unknown_account' } }));
    return { ok: false, error: new AppError(401, 'invalid_credentials') };
  }
  const actor = { userId: user.id, account: user.account, unitId: user.unitId, roles: [] };
  const windowMs = (policy.lockoutWindowMinutes + policy.lockoutMinutes) * 60_000;
  const before = lockState(await recentFailures(db, user, windowMs), new Date(), policy);
  if (before.locked) {
    await inTx(ctx, (tx) => recordAudit(tx, { ...ctx, actor }, 'auth.login_refused_locked', { entity: 'user', entityId: user.id, after: { until: before.until } }));
    return { ok: false, error: lockedError(before.until!) };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return inTx(ctx, async (tx) => {
      const now = new Date();
      await tx.insert(loginFailures).values({ userId: user.id, at: now });
      const after = lockState(await recentFailures(tx, user, windowMs, now), now, policy);
      await recordAudit(tx, { ...ctx, actor }, after.locked ? 'auth.account_locked' : 'auth.login_failed', {
        entity: 'user',
        entityId: user.id,
        after: { reason: 'wrong_password', lockedUntil: after.until ?? null },
      });
      return { ok: false as const, error: after.locked ? lockedError(after.until!) : new AppError(401, 'invalid_credentials') };
    });
  }
  if (user.disabled) {
    await inTx(ctx, (tx) => recordAudit(tx, { ...ctx, actor }, 'auth.login_refused_disabled', { entity: 'user', entityId: user.id }));
    return { ok: false, error: new AppError(403, 'account_disabled') };
  }
  const roles = await rolesOf(db, [user.id]);
  const stage = sessionStage({
    mustChangePassword: user.mustChangePassword,
    needsTotp: roles.some((r) => isAdminRole(r.role as never)),
    totpEnabled: user.totpEnabled,
    totpVerified: false,
  });
  return inTx(ctx, async (tx) => {
    const s = await createSession(tx, user.id, stage, ctx.ip);
    // A login succeeds with its second factor: until then earlier failures keep counting (verifyTotp sets it).
    if (stage !== 'totp_verify') await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { ...ctx, actor }, 'auth.login', { entity: 'session', entityId: user.id, after: { stage } });
    return { ok: true as const, token: s.token, csrfToken: s.csrfToken, stage };
  });
}
