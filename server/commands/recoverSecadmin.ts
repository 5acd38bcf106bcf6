import { eq, sql } from 'drizzle-orm';
import { PASSWORD_HISTORY } from '../../domain/password.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { users } from '../db/schema/index.js';
import { lockRow } from '../db/versioned.js';
import { AppError, notFound } from '../errors.js';
import { rememberPassword } from '../queries/passwordHistory.js';
import { findUserForLogin, rolesOf } from '../queries/users.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import { endUserSessions } from '../security/sessions.js';
import { dropRecoveryCodes } from '../security/recoveryCodes.js';

export interface RecoveryOptions {
  /** Issue a one-time password, to be changed at the next login. */
  newPassword: boolean;
  /** Clear the second factor; the secadmin enrols again at the next login. */
  resetTotp: boolean;
}

/**
 * The way back in for a locked-out security administrator, the only role that can unlock others:
 * run on the server's console (`npm run secadmin:recover`), where whoever runs it already holds
 * the machine. Lifts every lock of the account and, if asked, issues a one-time password or clears
 * the second factor. Only for secadmin accounts: the secadmin unlocks everyone else, through the API.
 */
export async function recoverSecadmin(ctx: Ctx, account: string, opts: RecoveryOptions) {
  const db = ctx.database.db;
  const user = await findUserForLogin(db, account);
  if (!user || user.account.toLowerCase() !== account.toLowerCase()) throw notFound('user');
  if (!(await rolesOf(db, [user.id])).some((r) => r.role === 'secadmin')) throw new AppError(422, 'recovery_not_secadmin', { account: user.account });
  const initialPassword = opts.newPassword ? randomPassword() : undefined;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : undefined;
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', user.id);
    const at = new Date();
    await tx
      .update(users)
      .set({
        lockResetAt: at,
        ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
        ...(opts.resetTotp ? { totpEnabled: false, totpSecret: null, totpLastStep: null } : {}),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, user.id));
    if (passwordHash) await rememberPassword(tx, user.id, before.passwordHash, PASSWORD_HISTORY - 1);
    // A new password or second factor means the old ones may be in other hands: their sessions end.
    if (opts.resetTotp) await dropRecoveryCodes(tx, user.id);
    if (passwordHash || opts.resetTotp) await endUserSessions(tx, user.id);
    await recordAudit(tx, ctx, 'user.recovered', {
      entity: 'user',
      entityId: user.id,
      before: { totpEnabled: before.totpEnabled },
      after: { via: 'console', lockResetAt: at, passwordReset: !!passwordHash, totpReset: opts.resetTotp },
    });
    return { account: user.account, initialPassword, totpReset: opts.resetTotp };
  });
}
