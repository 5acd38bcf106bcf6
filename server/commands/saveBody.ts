import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { BodyCreate, BodyMemberCreate, BodyUpdate } from '../../domain/schemas/org.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { bodies, bodyMembers, orgUnits, regions, users } from '../db/schema/index.js';
import { duplicate, ensureExists } from '../db/references.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { AppError, notFound } from '../errors.js';
import { homeRegionId } from '../queries/regionScope.js';

export async function createBody(ctx: Ctx, input: z.infer<typeof BodyCreate>) {
  return inTx(ctx, async (tx) => {
    const regionId = input.regionId ?? (await homeRegionId(tx, ctx.actor));
    // A region outside the actor's scope is answered as one that does not exist (the region seal).
    if (!regionId || (ctx.actor && !ctx.actor.regionIds.includes(regionId))) throw new AppError(422, 'reference_invalid', { field: 'regionId' }, { regionId: '' });
    await ensureExists(tx, regions, regionId, 'regionId');
    await ensureExists(tx, bodies, input.parentId, 'parentId');
    await ensureExists(tx, orgUnits, input.leadUnitId, 'leadUnitId');
    const taken = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.regionId, regionId), eq(bodies.code, input.code)));
    if (taken.length) throw duplicate('code', input.code);
    const [row] = await tx
      .insert(bodies)
      .values({ regionId, code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, leadUnitId: input.leadUnitId ?? null })
      .returning();
    await recordAudit(tx, ctx, 'body.created', { entity: 'body', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateBody(ctx: Ctx, id: string, input: z.infer<typeof BodyUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, bodies, 'body', id);
    await ensureExists(tx, bodies, input.parentId, 'parentId');
    await ensureExists(tx, orgUnits, input.leadUnitId, 'leadUnitId');
    if (input.parentId === id) throw new AppError(422, 'reference_invalid', { field: 'parentId' }, { parentId: '' });
    if (input.code && input.code !== before.code) {
      const taken = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.regionId, before.regionId), eq(bodies.code, input.code)));
      if (taken.length) throw duplicate('code', input.code);
    }
    const { version, ...patch } = input;
    const after = await updateVersioned(tx, bodies, 'body', id, version, patch);
    await recordAudit(tx, ctx, 'body.updated', { entity: 'body', entityId: id, before, after });
    return after;
  });
}

export async function addBodyMember(ctx: Ctx, bodyId: string, input: z.infer<typeof BodyMemberCreate>) {
  return inTx(ctx, async (tx) => {
    const body = await lockRow(tx, bodies, 'body', bodyId);
    await ensureExists(tx, orgUnits, input.unitId, 'unitId');
    await ensureExists(tx, users, input.userId, 'userId');
    const [row] = await tx
      .insert(bodyMembers)
      .values({ bodyId, post: input.post, title: input.title, unitId: input.unitId ?? null, userId: input.userId ?? null, sort: input.sort ?? 0 })
      .returning();
    await tx.update(bodies).set({ version: body.version + 1 }).where(eq(bodies.id, bodyId));
    await recordAudit(tx, ctx, 'body.member_added', { entity: 'body', entityId: bodyId, after: row });
    return row!;
  });
}

export async function removeBodyMember(ctx: Ctx, bodyId: string, memberId: string) {
  return inTx(ctx, async (tx) => {
    const body = await lockRow(tx, bodies, 'body', bodyId);
    const [gone] = await tx
      .delete(bodyMembers)
      .where(and(eq(bodyMembers.id, memberId), eq(bodyMembers.bodyId, bodyId)))
      .returning();
    if (!gone) throw notFound('member');
    await tx.update(bodies).set({ version: body.version + 1 }).where(eq(bodies.id, bodyId));
    await recordAudit(tx, ctx, 'body.member_removed', { entity: 'body', entityId: bodyId, before: gone });
  });
}
