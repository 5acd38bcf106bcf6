import { z } from 'zod';
import type { RegionCreate, RegionUpdate } from '../../domain/schemas/org.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { regions } from '../db/schema/index.js';
import { duplicate, ensureExists } from '../db/references.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { eq } from 'drizzle-orm';

export async function createRegion(ctx: Ctx, input: z.infer<typeof RegionCreate>) {
  return inTx(ctx, async (tx) => {
    await ensureExists(tx, regions, input.parentId, 'parentId');
    if ((await tx.select().from(regions).where(eq(regions.code, input.code))).length) throw duplicate('code', input.code);
    const [row] = await tx.insert(regions).values({ code: input.code, name: input.name, parentId: input.parentId ?? null }).returning();
    await recordAudit(tx, ctx, 'region.created', { entity: 'region', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateRegion(ctx: Ctx, id: string, input: z.infer<typeof RegionUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await lockRow(tx, regions, 'region', id);
    if (input.code && input.code !== before.code && (await tx.select().from(regions).where(eq(regions.code, input.code))).length) {
      throw duplicate('code', input.code);
    }
    const { version, ...patch } = input;
    const after = await updateVersioned(tx, regions, 'region', id, version, patch);
    await recordAudit(tx, ctx, 'region.updated', { entity: 'region', entityId: id, before, after });
    return after;
  });
}
