import { eq, sql } from 'drizzle-orm';
import { isAdminRole } from '../../domain/enums.js';
import { lockoutHorizonMs, lockState } from '../../domain/lockout.js';
import { sessionStage } from '../../domain/sessionStage.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { AppError, unauthenticated } from '../errors.js';
import { clearLoginFailures, recentFailures, recordLoginFailure } from '../queries/loginFailures.js';
import { readSecurityPolicy } from '../queries/settings.js';
import { findUser } from '../queries/users.js';
import type { AuthThrottle } from '../security/authThrottle.js';
import { setSessionStage } from '../security/sessions.js';
import { checkTotp, newTotpSecret, spendTotpStep, totpEnrolment } from '../security/totp.js';
import { recoveryCodesLeft, replaceRecoveryCodes, spendRecoveryCode } from '../security/recoveryCodes.js';
import { lockedError } from './login.js';

async function me(ctx: Ctx) {
  if (!ctx.actor || !ctx.sessionId) throw unauthenticated();
  const user = await findUser(ctx.database.db, ctx.actor.userId);
  if (!user) throw unauthenticated();
  return { user, sessionId: ctx.sessionId, actor: ctx.actor };
}

const reused = () => new AppError(422, 'totp_reused', {}, { code: '' });

/** Starts enrolment: a new secret (not active until a code from it is confirmed) and its QR code. */
export async function setupTotp(ctx: Ctx) {
  const { user } = await me(ctx);
  if (user.totpEnabled) throw new AppError(409, 'bad_request');
  const secret = newTotpSecret();
  await inTx(ctx, async (tx) => {
    await tx.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, user.id));
    await recordAudit(tx, ctx, 'auth.totp_setup', { entity: 'user', entityId: user.id });
  });
  return totpEnrolment(secret, user.account);
}

/**
 * Confirms enrolment with a code from the phone; the session counts as verified. The code is spent.
 * Gives ten single-use recovery codes, once, for the day the phone is lost.
 */
export async function enrolTotp(ctx: Ctx, code: string) {
  const { user, sessionId, actor } = await me(ctx);
  if (!user.totpSecret || user.totpEnabled) throw new AppError(409, 'totp_not_started');
  const step = await checkTotp(user.totpSecret, code);
  if (step === null) throw new AppError(422, 'totp_invalid', {}, { code: '' });
  const stage = sessionStage({
    mustChangePassword: user.mustChangePassword,
    needsTotp: actor.roles.some((r) => isAdminRole(r.role)),
    totpEnabled: true,
    totpVerified: true,
  });
  return inTx(ctx, async (tx) => {
    if (!(await spendTotpStep(tx, user.id, step))) throw reused();
    await tx.update(users).set({ totpEnabled: true, version: sql`${users.version} + 1` }).where(eq(users.id, user.id));
    await setSessionStage(tx, sessionId, stage);
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, ctx, 'auth.totp_enrolled', { entity: 'user', entityId: user.id, after: { recoveryCodes: recoveryCodes.length } });
    return { stage, recoveryCodes };
  });
}

/**
 * The lock that guards the second step (TOTP or recovery code) as it guards the password: the
 * refusal to answer, audited, while the account is locked from this address; null otherwise.
 */
async function lockedOut(ctx: Ctx, user: { id: string; lockResetAt: Date | null }): Promise<AppError | null> {
  const { policy } = await readSecurityPolicy(ctx.database.db);
  const lock = lockState(await recentFailures(ctx.database.db, { userId: user.id }, ctx.ip, user.lockResetAt, lockoutHorizonMs(policy)), new Date(), policy);
  if (!lock.locked) return null;
  await inTx(ctx, (tx) => recordAudit(tx, ctx, 'auth.login_refused_locked', { entity: 'user', entityId: user.id, after: { until: lock.until } }));
  return lockedError(lock.until!);
}

export type TotpOutcome = { ok: true; stage: ReturnType<typeof sessionStage> } | { ok: false; error: AppError };

/**
 * The login's second step. A wrong code counts as a failed login from this address (lockout
 * applies), and so does a code already used (by this session or any other): a code is good once.
 */
export function verifyTotp(ctx: Ctx, code: string, throttle: AuthThrottle): Promise<TotpOutcome> {
  return throttle.attempt(ctx, () => checkSecondFactor(ctx, code));
}

async function checkSecondFactor(ctx: Ctx, code: string): Promise<TotpOutcome> {
  const { user, sessionId, actor } = await me(ctx);
  if (!user.totpEnabled || !user.totpSecret) return { ok: false, error: new AppError(409, 'totp_not_started') };
  // The lock applies here too: otherwise a session opened with a stolen password could guess codes without end.
  const locked = await lockedOut(ctx, user);
  if (locked) return { ok: false, error: locked };
  const subject = { userId: user.id };
  const fail = async (tx: Tx, action: string, error: AppError): Promise<TotpOutcome> => {
    await recordLoginFailure(tx, subject, ctx.ip, new Date());
    await recordAudit(tx, ctx, action, { entity: 'user', entityId: user.id });
    return { ok: false, error };
  };
  const step = await checkTotp(user.totpSecret, code);
  if (step === null) return inTx(ctx, (tx) => fail(tx, 'auth.totp_failed', new AppError(422, 'totp_invalid', {}, { code: '' })));
  const stage = sessionStage({
    mustChangePassword: user.mustChangePassword,
    needsTotp: actor.roles.some((r) => isAdminRole(r.role)),
    totpEnabled: true,
    totpVerified: true,
  });
  return inTx(ctx, async (tx) => {
    if (!(await spendTotpStep(tx, user.id, step))) return fail(tx, 'auth.totp_reused', reused());
    await setSessionStage(tx, sessionId, stage);
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await clearLoginFailures(tx, user.id, ctx.ip);
    await recordAudit(tx, ctx, 'auth.totp_verified', { entity: 'user', entityId: user.id });
    return { ok: true as const, stage };
  });
}

export type RecoveryOutcome = { ok: true; stage: ReturnType<typeof sessionStage>; remaining: number } | { ok: false; error: AppError };

/**
 * The login's second step with a recovery code instead of the phone's: the same lock and throttle
 * as a wrong TOTP code, the code spent in the same transaction (good once), audited with how many
 * codes are left.
 */
export function recoverWithCode(ctx: Ctx, code: string, throttle: AuthThrottle): Promise<RecoveryOutcome> {
  return throttle.attempt(ctx, async (): Promise<RecoveryOutcome> => {
    const { user, sessionId, actor } = await me(ctx);
    if (!user.totpEnabled) return { ok: false, error: new AppError(409, 'totp_not_started') };
    const locked = await lockedOut(ctx, user);
    if (locked) return { ok: false, error: locked };
    const subject = { userId: user.id };
    const stage = sessionStage({ mustChangePassword: user.mustChangePassword, needsTotp: actor.roles.some((r) => isAdminRole(r.role)), totpEnabled: true, totpVerified: true });
    return inTx(ctx, async (tx): Promise<RecoveryOutcome> => {
      if (!(await spendRecoveryCode(tx, user.id, code, new Date()))) {
        await recordLoginFailure(tx, subject, ctx.ip, new Date());
        await recordAudit(tx, ctx, 'auth.recovery_code_failed', { entity: 'user', entityId: user.id });
        return { ok: false, error: new AppError(422, 'recovery_code_invalid', {}, { code: '' }) };
      }
      const remaining = await recoveryCodesLeft(tx, user.id);
      await setSessionStage(tx, sessionId, stage);
      await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
      await clearLoginFailures(tx, user.id, ctx.ip);
      await recordAudit(tx, ctx, 'auth.recovery_code_used', { entity: 'user', entityId: user.id, after: { remaining } });
      return { ok: true, stage, remaining };
    });
  });
}

/** New recovery codes for a signed-in user, who proves the phone is at hand with a current code (spent). */
export async function regenerateRecoveryCodes(ctx: Ctx, code: string) {
  const { user } = await me(ctx);
  if (!user.totpEnabled || !user.totpSecret) throw new AppError(409, 'totp_not_started');
  const step = await checkTotp(user.totpSecret, code);
  if (step === null) throw new AppError(422, 'totp_invalid', {}, { code: '' });
  return inTx(ctx, async (tx) => {
    if (!(await spendTotpStep(tx, user.id, step))) throw reused();
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, ctx, 'auth.recovery_codes_regenerated', { entity: 'user', entityId: user.id, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}
