import { and, eq } from 'drizzle-orm';
import { holdsAdminRole, mayResetPassword, mayToggleAccount } from '../../domain/adminSeparation.js';
import type { Role } from '../../domain/enums.js';
import { PASSWORD_HISTORY } from '../../domain/password.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { roleProposals, users } from '../db/schema/index.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { AppError } from '../errors.js';
import { rememberPassword } from '../queries/passwordHistory.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import { endUserSessions } from '../security/sessions.js';
import { grantsOf } from './roleGrants.js';
import { dropRecoveryCodes } from '../security/recoveryCodes.js';

/** The account's roles, held and pending: whether it is an admin's decides who may act on it (三员分立). */
async function accountRoles(tx: Tx, id: string) {
  const roles = (await grantsOf(tx, id)).map((g) => g.role);
  const [pending] = await tx
    .select({ roles: roleProposals.roles })
    .from(roleProposals)
    .where(and(eq(roleProposals.userId, id), eq(roleProposals.status, 'pending')));
  const pendingRoles = ((pending?.roles ?? []) as { role: Role }[]).map((g) => g.role);
  return { id, roles, pendingRoles, admin: holdsAdminRole([...roles, ...pendingRoles]) };
}

const actorOf = (ctx: Ctx) => ({ id: ctx.actor!.userId, roles: ctx.actor!.roles.map((g) => g.role) });

/**
 * Disables or re-enables an account; disabling ends its sessions at once. An admin's account is the
 * secadmin's to disable or enable: the sysadmin cannot silence the auditor or the secadmin.
 */
export async function setUserDisabled(ctx: Ctx, id: string, version: number, disabled: boolean) {
  if (disabled && ctx.actor?.userId === id) throw new AppError(422, 'self_disable');
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    const target = await accountRoles(tx, id);
    if (!mayToggleAccount(actorOf(ctx), target)) throw new AppError(403, target.admin ? 'admin_toggle_needs_secadmin' : 'forbidden');
    const after = await updateVersioned(tx, users, 'user', id, version, { disabled });
    if (disabled) await endUserSessions(tx, id);
    await recordAudit(tx, ctx, disabled ? 'user.disabled' : 'user.enabled', { entity: 'user', entityId: id, before: { disabled: before.disabled }, after: { disabled } });
    return after;
  });
}

/**
 * A new one-time initial password, to be changed at next login; ends the user's sessions. An
 * admin's account (held or pending) is the secadmin's to reset, and its second factor goes with
 * it: whoever receives the new password enrols again, so a reset cannot hand an admin duty to the
 * person who asked for it. Nobody resets their own (they change it).
 */
export async function resetPassword(ctx: Ctx, id: string, version: number) {
  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    const target = await accountRoles(tx, id);
    const actor = actorOf(ctx);
    if (!mayResetPassword(actor, target)) throw new AppError(403, actor.id === id ? 'own_account' : target.admin ? 'admin_reset_needs_secadmin' : 'forbidden');
    const admin = target.admin;
    const patch = admin ? { passwordHash, mustChangePassword: true, totpEnabled: false, totpSecret: null } : { passwordHash, mustChangePassword: true };
    await updateVersioned(tx, users, 'user', id, version, patch);
    // The password the user had stays refused as a new one: a reset must not make it usable again.
    await rememberPassword(tx, id, before.passwordHash, PASSWORD_HISTORY - 1);
    await endUserSessions(tx, id);
    await recordAudit(tx, ctx, 'user.password_reset', { entity: 'user', entityId: id, after: { mustChangePassword: true, ...(admin ? { totpEnabled: false } : {}) } });
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

/**
 * The secadmin clears a lost second factor (and its recovery codes); the user enrols again at next
 * login. Never one's own: a stolen session must not get to replace its owner's phone.
 */
export async function resetTotp(ctx: Ctx, id: string) {
  if (ctx.actor?.userId === id) throw new AppError(403, 'own_totp');
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    await tx.update(users).set({ totpEnabled: false, totpSecret: null, totpLastStep: null, version: before.version + 1 }).where(eq(users.id, id));
    await dropRecoveryCodes(tx, id);
    await endUserSessions(tx, id);
    await recordAudit(tx, ctx, 'user.totp_reset', { entity: 'user', entityId: id, before: { totpEnabled: before.totpEnabled }, after: { totpEnabled: false } });
  });
}
