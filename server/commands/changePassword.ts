import { and, eq, ne, isNull, sql } from 'drizzle-orm';
import { isAdminRole } from '../../domain/enums.js';
import { PASSWORD_GUESS_LIMIT, PASSWORD_HISTORY, passwordProblems } from '../../domain/password.js';
import type { ChangePasswordInput } from '../../domain/schemas/auth.js';
import { sessionStage } from '../../domain/sessionStage.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { sessions, users } from '../db/schema/index.js';
import { AppError, unauthenticated } from '../errors.js';
import { message, word } from '../i18n.js';
import { earlierPasswordHashes, rememberPassword } from '../queries/passwordHistory.js';
import { readSecurityPolicy } from '../queries/settings.js';
import { findUser } from '../queries/users.js';
import type { AuthThrottle } from '../security/authThrottle.js';
import { isCommonPassword } from '../security/commonPasswords.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';
import { countPasswordFailure, endSession, setSessionStage } from '../security/sessions.js';

/**
 * Replaces the user's password; ends their other sessions and moves this one to its next stage.
 * A credential attempt like a login (throttled, in the bounded pool). The session that gives a
 * wrong current password PASSWORD_GUESS_LIMIT times is ended: a stolen session cannot guess the
 * password it would need to take the account over. The new password must pass the policy, not be
 * a common or leaked one, and differ from the last PASSWORD_HISTORY passwords.
 */
export function changePassword(ctx: Ctx, input: ChangePasswordInput, throttle: AuthThrottle) {
  return throttle.attempt(ctx, () => change(ctx, input));
}

async function change(ctx: Ctx, input: ChangePasswordInput) {
  const actor = ctx.actor;
  if (!actor || !ctx.sessionId) throw unauthenticated();
  const sessionId = ctx.sessionId;
  const db = ctx.database.db;
  const user = await findUser(db, actor.userId);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const ended = await inTx(ctx, async (tx) => {
      const failures = await countPasswordFailure(tx, sessionId);
      const end = failures >= PASSWORD_GUESS_LIMIT;
      if (end) await endSession(tx, sessionId);
      await recordAudit(tx, ctx, end ? 'auth.password_guesses_exceeded' : 'auth.password_wrong', { entity: 'session', entityId: user.id, after: { failures, sessionEnded: end } });
      return end;
    });
    if (ended) throw new AppError(401, 'password_guesses_exceeded');
    throw new AppError(422, 'wrong_password', {}, { currentPassword: message('wrong_password', ctx.lang) });
  }
  const { policy } = await readSecurityPolicy(db);
  const problems = passwordProblems(input.newPassword, user.account, policy, isCommonPassword);
  if (problems.length) {
    const detail = problems.map((p) => word(p, ctx.lang, { min: policy.passwordMinLength, classes: policy.passwordMinClasses })).join('；');
    throw new AppError(422, 'weak_password', { detail }, { newPassword: detail });
  }
  if (input.newPassword === input.currentPassword) throw new AppError(422, 'same_password', {}, { newPassword: '' });
  for (const earlier of await earlierPasswordHashes(db, user.id, PASSWORD_HISTORY - 1)) {
    if (await verifyPassword(earlier, input.newPassword)) {
      const count = PASSWORD_HISTORY;
      throw new AppError(422, 'password_reused', { count }, { newPassword: message('password_reused', ctx.lang, { count }) });
    }
  }
  const passwordHash = await hashPassword(input.newPassword);
  const stage = sessionStage({
    mustChangePassword: false,
    needsTotp: actor.roles.some((r) => isAdminRole(r.role)),
    totpEnabled: user.totpEnabled,
    totpVerified: true,
  });
  return inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await rememberPassword(tx, user.id, user.passwordHash, PASSWORD_HISTORY - 1);
    await tx
      .update(sessions)
      .set({ endedAt: new Date() })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId), isNull(sessions.endedAt)));
    await setSessionStage(tx, sessionId, stage);
    await recordAudit(tx, ctx, 'user.password_changed', { entity: 'user', entityId: user.id, after: { mustChangePassword: false } });
    return { stage };
  });
}
