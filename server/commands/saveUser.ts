import { and, eq, ne, sql } from 'drizzle-orm';
import type { UserCreateInput, UserUpdateInput } from '../../domain/schemas/users.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { orgUnits, userRoles, users } from '../db/schema/index.js';
import { duplicate, ensureExists } from '../db/references.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import { replaceRoles } from './roleGrants.js';

async function ensureUnique(tx: Tx, account: string | undefined, mobile: string | null | undefined, exceptId?: string) {
  const notMe = exceptId ? ne(users.id, exceptId) : undefined;
  if (account && (await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.account}) = lower(${account})`, notMe))).length) {
    throw duplicate('account', account);
  }
  if (mobile && (await tx.select({ id: users.id }).from(users).where(and(eq(users.mobile, mobile), notMe))).length) throw duplicate('mobile', mobile);
}

/** Creates an account with a random initial password that must be changed at first login. */
export async function createUser(ctx: Ctx, input: UserCreateInput, passwordHash?: { hash: string; password: string }) {
  const initialPassword = passwordHash?.password ?? randomPassword();
  const hash = passwordHash?.hash ?? (await hashPassword(initialPassword));
  return inTx(ctx, async (tx) => {
    await ensureExists(tx, orgUnits, input.unitId, 'unitId');
    await ensureUnique(tx, input.account, input.mobile);
    const [row] = await tx
      .insert(users)
      .values({ account: input.account, mobile: input.mobile ?? null, displayName: input.displayName, unitId: input.unitId, passwordHash: hash, mustChangePassword: true })
      .returning();
    const roles = await replaceRoles(tx, row!.id, row!.unitId, input.roles);
    await recordAudit(tx, ctx, 'user.created', { entity: 'user', entityId: row!.id, after: { ...row, roles } });
    return { user: row!, initialPassword };
  });
}

export async function updateUser(ctx: Ctx, id: string, input: UserUpdateInput) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, users, 'user', id);
    const rolesBefore = await tx.select().from(userRoles).where(eq(userRoles.userId, id));
    await ensureExists(tx, orgUnits, input.unitId, 'unitId');
    await ensureUnique(tx, undefined, input.mobile, id);
    const { version, roles, ...patch } = input;
    const after = await updateVersioned(tx, users, 'user', id, version, patch);
    const rolesAfter = roles ? await replaceRoles(tx, id, after.unitId, roles) : rolesBefore;
    await recordAudit(tx, ctx, 'user.updated', {
      entity: 'user',
      entityId: id,
      before: { ...before, roles: rolesBefore.map(({ role, unitId, bodyId }) => ({ role, unitId, bodyId })) },
      after: { ...after, roles: rolesAfter.map(({ role, unitId, bodyId }) => ({ role, unitId, bodyId })) },
    });
    return after;
  });
}
