import { and, eq, ne, sql } from 'drizzle-orm';
import { needsSecondAdmin } from '../../domain/adminSeparation.js';
import type { UserCreateInput, UserUpdateInput } from '../../domain/schemas/users.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { orgUnits, roleProposals, users } from '../db/schema/index.js';
import { duplicate, ensureExists } from '../db/references.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import { AppError } from '../errors.js';
import { checkGrants, grantsOf, normaliseGrants, replaceRoles, sameGrants } from './roleGrants.js';
import { proposeRoles } from './roleProposals.js';

async function ensureUnique(tx: Tx, account: string | undefined, mobile: string | null | undefined, exceptId?: string) {
  const notMe = exceptId ? ne(users.id, exceptId) : undefined;
  if (account && (await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.account}) = lower(${account})`, notMe))).length) {
    throw duplicate('account', account);
  }
  if (mobile && (await tx.select({ id: users.id }).from(users).where(and(eq(users.mobile, mobile), notMe))).length) throw duplicate('mobile', mobile);
}

/**
 * Creates an account with a random initial password that must be changed at first login. Asking
 * for an admin role creates the account without roles and proposes them to the secadmin (三员分立).
 */
export async function createUser(ctx: Ctx, input: UserCreateInput, passwordHash?: { hash: string; password: string }) {
  const initialPassword = passwordHash?.password ?? randomPassword();
  const hash = passwordHash?.hash ?? (await hashPassword(initialPassword));
  return inTx(ctx, async (tx) => {
    await ensureExists(tx, orgUnits, input.unitId, 'unitId');
    await ensureUnique(tx, input.account, input.mobile);
    await checkGrants(tx, input.roles);
    const [row] = await tx
      .insert(users)
      .values({ account: input.account, mobile: input.mobile ?? null, email: input.email ?? null, displayName: input.displayName, unitId: input.unitId, passwordHash: hash, mustChangePassword: true })
      .returning();
    const wanted = normaliseGrants(row!.unitId, input.roles);
    if (needsSecondAdmin([], wanted.map((g) => g.role))) {
      const proposal = await proposeRoles(tx, ctx, row!.id, [], wanted);
      await recordAudit(tx, ctx, 'user.created', { entity: 'user', entityId: row!.id, after: { ...row, roles: [], proposedRoles: wanted, proposalId: proposal.id } });
    } else {
      const roles = await replaceRoles(tx, row!.id, row!.unitId, input.roles);
      await recordAudit(tx, ctx, 'user.created', { entity: 'user', entityId: row!.id, after: { ...row, roles } });
    }
    return { user: row!, initialPassword };
  });
}

/**
 * Edits an account. Roles: nobody changes their own; a change that grants or removes an admin role
 * becomes a proposal for the secadmin (audited as user.roles_proposed) while the other fields are
 * saved at once; any other role change applies directly.
 */
export async function updateUser(ctx: Ctx, id: string, input: UserUpdateInput) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    const rolesBefore = await grantsOf(tx, id);
    await ensureExists(tx, orgUnits, input.unitId, 'unitId');
    await ensureUnique(tx, undefined, input.mobile, id);
    const { version, roles, ...patch } = input;
    const wanted = roles && normaliseGrants(input.unitId ?? before.unitId, roles);
    const changesRoles = !!wanted && !sameGrants(rolesBefore, wanted);
    if (changesRoles && ctx.actor?.userId === id) throw new AppError(403, 'own_roles');
    if (changesRoles) await checkGrants(tx, roles!);
    const after = await updateVersioned(tx, users, 'user', id, version, patch);
    if (changesRoles && needsSecondAdmin(rolesBefore.map((g) => g.role), wanted!.map((g) => g.role))) {
      const proposal = await proposeRoles(tx, ctx, id, rolesBefore, wanted!);
      await recordAudit(tx, ctx, 'user.roles_proposed', {
        entity: 'user',
        entityId: id,
        before: { ...before, roles: rolesBefore },
        after: { ...after, roles: rolesBefore, proposedRoles: wanted, proposalId: proposal.id },
      });
      return after;
    }
    if (changesRoles) await ensureNothingPending(tx, id);
    const rolesAfter = changesRoles ? await replaceRoles(tx, id, after.unitId, roles!) : rolesBefore;
    await recordAudit(tx, ctx, 'user.updated', { entity: 'user', entityId: id, before: { ...before, roles: rolesBefore }, after: { ...after, roles: rolesAfter } });
    return after;
  });
}

/** A direct role change would be undone by approving the pending proposal (it replaces the whole set): refuse it meanwhile. */
async function ensureNothingPending(tx: Tx, userId: string) {
  const [p] = await tx
    .select({ id: roleProposals.id })
    .from(roleProposals)
    .where(and(eq(roleProposals.userId, userId), eq(roleProposals.status, 'pending')));
  if (p) throw new AppError(409, 'proposal_pending', {}, { roles: p.id });
}
