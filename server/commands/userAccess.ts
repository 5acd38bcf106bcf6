import { eq } from 'drizzle-orm';
import { PASSWORD_HISTORY } from '../../domain/password.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { users } from '../db/schema/index.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { AppError } from '../errors.js';
import { rememberPassword } from '../queries/passwordHistory.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import { endUserSessions } from '../security/sessions.js';

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setUserDisabled(ctx: Ctx, id: string, version: number, disabled: boolean) {
  if (disabled && ctx.actor?.userId === id) throw new AppError(422, 'self_disable');
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    const after = await updateVersioned(tx, users, 'user', id, version, { disabled });
    if (disabled) await endUserSessions(tx, id);
    await recordAudit(tx, ctx, disabled ? 'user.disabled' : 'user.enabled', { entity: 'user', entityId: id, before: { disabled: before.disabled }, after: { disabled } });
    return after;
  });
}

/** A new one-time initial password, to be changed at next login; ends the user's sessions. */
export async function resetPassword(ctx: Ctx, id: string, version: number) {
  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    await updateVersioned(tx, users, 'user', id, version, { passwordHash, mustChangePassword: true });
    // The password the user had stays refused as a new one: a reset must not make it usable again.
    await rememberPassword(tx, id, before.passwordHash, PASSWORD_HISTORY - 1);
    await endUserSessions(tx, id);
    await recordAudit(tx, ctx, 'user.password_reset', { entity: 'user', entityId: id, after: { mustChangePassword: true } });
    return { initialPassword };
  });
}

/** The secadmin lifts a lockout: earlier failures stop counting. */
export async function unlockUser(ctx: Ctx, id: string) {
  return inTx(ctx, async (tx) => {
    await lockRow(tx, users, 'user', id);
    const at = new Date();
    await tx.update(users).set({ lockResetAt: at }).where(eq(users.id, id));
    await recordAudit(tx, ctx, 'user.unlocked', { entity: 'user', entityId: id, after: { lockResetAt: at } });
  });
}

/** The secadmin clears a lost second factor; the user enrols again at next login. */
export async function resetTotp(ctx: Ctx, id: string) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    await tx.update(users).set({ totpEnabled: false, totpSecret: null, version: before.version + 1 }).where(eq(users.id, id));
    await endUserSessions(tx, id);
    await recordAudit(tx, ctx, 'user.totp_reset', { entity: 'user', entityId: id, before: { totpEnabled: before.totpEnabled }, after: { totpEnabled: false } });
  });
}
