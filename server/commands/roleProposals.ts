import { and, eq } from 'drizzle-orm';
import { adminRoleChange, mayDecideRoleProposal } from '../../domain/adminSeparation.js';
import type { Role } from '../../domain/enums.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { roleProposals, users } from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { hashPassword, randomPassword } from '../security/passwords.js';
import { endUserSessions } from '../security/sessions.js';
import { grantsOf, replaceRoles, sameGrants, type Grant } from './roleGrants.js';

/**
 * Stages a change of admin roles for the secadmin (三员分立) instead of applying it; the caller's
 * audit record names the proposal. 409 while another proposal for the account is pending, so that
 * approving one cannot silently undo another.
 */
export async function proposeRoles(tx: Tx, ctx: Ctx, userId: string, before: Grant[], roles: Grant[]) {
  const [pending] = await tx
    .select({ id: roleProposals.id })
    .from(roleProposals)
    .where(and(eq(roleProposals.userId, userId), eq(roleProposals.status, 'pending')));
  if (pending) throw new AppError(409, 'proposal_pending', {}, { roles: pending.id });
  const [row] = await tx.insert(roleProposals).values({ userId, before, roles, proposedById: ctx.actor!.userId }).returning();
  return row!;
}

async function lockPending(tx: Tx, ctx: Ctx, id: string) {
  const [p] = await tx.select().from(roleProposals).where(eq(roleProposals.id, id)).for('update');
  if (!p) throw notFound('role_proposal');
  if (p.status !== 'pending') throw new AppError(409, 'proposal_decided', { status: `@proposal_${p.status}` });
  // Nobody decides a change of their own roles, nor one they proposed.
  if (!mayDecideRoleProposal({ id: ctx.actor!.userId, roles: ctx.actor!.roles.map((g) => g.role) }, p)) {
    throw new AppError(403, ctx.actor!.userId === p.userId ? 'own_roles' : 'forbidden');
  }
  return p;
}

/**
 * The secadmin approves: the proposed roles replace the account's (still checked for conflicts),
 * its sessions end, and when an admin role is granted the account gets a new initial password
 * (shown to the approver alone) and must enrol a second factor again, so that whoever prepared the
 * account (and knew its first password) does not hold the new duty.
 */
export async function approveRoleProposal(ctx: Ctx, id: string): Promise<{ userId: string; initialPassword: string | null }> {
  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  return inTx(ctx, async (tx) => {
    const p = await lockPending(tx, ctx, id);
    const [user] = await tx.select().from(users).where(eq(users.id, p.userId)).for('update');
    if (!user) throw notFound('user');
    const current = await grantsOf(tx, p.userId);
    if (!sameGrants(current, p.before as Grant[])) throw new AppError(409, 'proposal_stale');
    const roles = await replaceRoles(tx, p.userId, user.unitId, p.roles as Grant[]);
    const granted = adminRoleChange(
      current.map((g) => g.role),
      roles.map((g) => g.role as Role),
    ).granted;
    const reissue = granted.length > 0;
    if (reissue) {
      await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: true, totpEnabled: false, totpSecret: null, version: user.version + 1 })
        .where(eq(users.id, p.userId));
    }
    await endUserSessions(tx, p.userId);
    await tx.update(roleProposals).set({ status: 'approved', decidedById: ctx.actor!.userId, decidedAt: new Date() }).where(eq(roleProposals.id, id));
    await recordAudit(tx, ctx, 'user.roles_approved', {
      entity: 'user',
      entityId: p.userId,
      before: { roles: current },
      after: { roles, proposalId: id, proposedById: p.proposedById, passwordReissued: reissue, totpReset: reissue },
    });
    return { userId: p.userId, initialPassword: reissue ? initialPassword : null };
  });
}

/** The secadmin rejects, with a reason; the account's roles stay as they were. */
export async function rejectRoleProposal(ctx: Ctx, id: string, reason: string) {
  return inTx(ctx, async (tx) => {
    const p = await lockPending(tx, ctx, id);
    await tx.update(roleProposals).set({ status: 'rejected', decidedById: ctx.actor!.userId, decidedAt: new Date(), reason }).where(eq(roleProposals.id, id));
    await recordAudit(tx, ctx, 'user.roles_rejected', {
      entity: 'user',
      entityId: p.userId,
      before: { roles: p.before },
      after: { proposedRoles: p.roles, proposalId: id, proposedById: p.proposedById, reason },
    });
    return { userId: p.userId };
  });
}
