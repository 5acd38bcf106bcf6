import { and, eq, ne, isNull, sql } from 'drizzle-orm';
import { isAdminRole } from '../../domain/enums.js';
import { passwordProblems } from '../../domain/password.js';
import type { ChangePasswordInput } from '../../domain/schemas/auth.js';
import { sessionStage } from '../../domain/sessionStage.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { sessions, users } from '../db/schema/index.js';
import { AppError, unauthenticated } from '../errors.js';
import { message, word } from '../i18n.js';
import { readSecurityPolicy } from '../queries/settings.js';
import { findUser } from '../queries/users.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';
import { setSessionStage } from '../security/sessions.js';

/** Replaces the user's password; ends their other sessions and moves this one to its next stage. */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput) {
  const actor = ctx.actor;
  if (!actor || !ctx.sessionId) throw unauthenticated();
  const db = ctx.database.db;
  const user = await findUser(db, actor.userId);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(422, 'wrong_password', {}, { currentPassword: message('wrong_password', ctx.lang) });
  }
  const { policy } = await readSecurityPolicy(db);
  const problems = passwordProblems(input.newPassword, user.account, policy);
  if (problems.length) {
    const detail = problems.map((p) => word(p, ctx.lang, { min: policy.passwordMinLength, classes: policy.passwordMinClasses })).join('；');
    throw new AppError(422, 'weak_password', { detail }, { newPassword: detail });
  }
  if (input.newPassword === input.currentPassword) throw new AppError(422, 'same_password', {}, { newPassword: '' });
  const passwordHash = await hashPassword(input.newPassword);
  const stage = sessionStage({
    mustChangePassword: false,
    needsTotp: actor.roles.some((r) => isAdminRole(r.role)),
    totpEnabled: user.totpEnabled,
    totpVerified: true,
  });
  const sessionId = ctx.sessionId;
  return inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ endedAt: new Date() })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId), isNull(sessions.endedAt)));
    await setSessionStage(tx, sessionId, stage);
    await recordAudit(tx, ctx, 'user.password_changed', { entity: 'user', entityId: user.id, after: { mustChangePassword: false } });
    return { stage };
  });
}
