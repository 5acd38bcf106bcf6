import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { UnitCreate, UnitUpdate } from '../../domain/schemas/org.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { orgUnits, regions } from '../db/schema/index.js';
import { duplicate, ensureExists } from '../db/references.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { AppError } from '../errors.js';
import { homeRegionId } from '../queries/regionScope.js';

async function codeTaken(tx: Tx, regionId: string, code: string) {
  return (await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.regionId, regionId), eq(orgUnits.code, code)))).length > 0;
}

export async function createUnit(ctx: Ctx, input: z.infer<typeof UnitCreate>) {
  return inTx(ctx, async (tx) => {
    const regionId = input.regionId ?? (await homeRegionId(tx, ctx.actor));
    // A region outside the actor's scope is answered as one that does not exist (the region seal).
    if (!regionId || (ctx.actor && !ctx.actor.regionIds.includes(regionId))) throw new AppError(422, 'reference_invalid', { field: 'regionId' }, { regionId: '' });
    await ensureExists(tx, regions, regionId, 'regionId');
    await ensureExists(tx, orgUnits, input.parentId, 'parentId');
    if (await codeTaken(tx, regionId, input.code)) throw duplicate('code', input.code);
    const [row] = await tx
      .insert(orgUnits)
      .values({ regionId, code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, sort: input.sort ?? 0 })
      .returning();
    await recordAudit(tx, ctx, 'unit.created', { entity: 'unit', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: z.infer<typeof UnitUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, orgUnits, 'unit', id);
    await ensureExists(tx, orgUnits, input.parentId, 'parentId');
    if (input.parentId === id) throw new AppError(422, 'reference_invalid', { field: 'parentId' }, { parentId: '' });
    if (input.code && input.code !== before.code && (await codeTaken(tx, before.regionId, input.code))) throw duplicate('code', input.code);
    const { version, ...patch } = input;
    const after = await updateVersioned(tx, orgUnits, 'unit', id, version, patch);
    await recordAudit(tx, ctx, 'unit.updated', { entity: 'unit', entityId: id, before, after });
    return after;
  });
}
