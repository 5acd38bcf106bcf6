import { z } from 'zod';
import { placementProblem, topProblem, type RegionKind, type RegionNode } from '../../domain/regions.js';
import type { RegionCreate, RegionUpdate } from '../../domain/schemas/org.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import type { Tx } from '../db/client.js';
import { orgUnits, regions } from '../db/schema/index.js';
import { duplicate } from '../db/references.js';
import { lockRow, updateVersioned } from '../db/versioned.js';
import { AppError } from '../errors.js';
import { forgetCachedSessions } from '../security/sessions.js';
import { eq } from 'drizzle-orm';

/**
 * Refuses a parent outside the actor's scope as one that does not exist (the region seal), then
 * the placements domain/regions.ts forbids: the top of the tree to anyone whose own region has a
 * parent, a cycle, a kind under a kind it may not sit under.
 */
async function checkPlacement(tx: Tx, ctx: Ctx, node: RegionNode): Promise<void> {
  const scope = ctx.actor?.regionIds;
  if (node.parentId && scope && !scope.includes(node.parentId)) throw new AppError(422, 'reference_invalid', { field: 'parentId' }, { parentId: '' });
  const all = (await tx.select({ id: regions.id, parentId: regions.parentId, kind: regions.kind }).from(regions)) as RegionNode[];
  const own = ctx.actor ? ((await tx.select({ regionId: orgUnits.regionId }).from(orgUnits).where(eq(orgUnits.id, ctx.actor.unitId)))[0]?.regionId ?? null) : null;
  const problem = topProblem(all, own, node) ?? placementProblem(all, node);
  if (!problem) return;
  if (problem.code === 'region_parent_missing') throw new AppError(422, 'reference_invalid', { field: 'parentId' }, { parentId: '' });
  const word = (k: RegionKind) => `@region_kind_${k}` as const;
  const params =
    problem.code === 'region_own_ancestor' || problem.code === 'region_top_reserved'
      ? { field: problem.field }
      : problem.code === 'region_parent_kind'
        ? { field: problem.field, kind: word(problem.kind), parentKind: word(problem.parentKind) }
        : { field: problem.field, kind: word(problem.kind), childKind: word(problem.childKind) };
  throw new AppError(422, problem.code, params as unknown as Record<string, string>, { [problem.field]: '' });
}

/** Sessions carry their region scope: after the tree changes, this process's cached ones are read again. */
async function thenForgetScopes<T>(ctx: Ctx, done: Promise<T>): Promise<T> {
  const result = await done;
  forgetCachedSessions(ctx.database);
  return result;
}

export async function createRegion(ctx: Ctx, input: z.infer<typeof RegionCreate>) {
  return thenForgetScopes(ctx, inTx(ctx, async (tx) => {
    if ((await tx.select().from(regions).where(eq(regions.code, input.code))).length) throw duplicate('code', input.code);
    const kind = input.kind ?? 'district';
    // The new region is checked under a placeholder id nothing has.
    await checkPlacement(tx, ctx, { id: '00000000-0000-0000-0000-000000000000', parentId: input.parentId ?? null, kind });
    const [row] = await tx.insert(regions).values({ code: input.code, name: input.name, kind, parentId: input.parentId ?? null }).returning();
    await recordAudit(tx, ctx, 'region.created', { entity: 'region', entityId: row!.id, after: row });
    return row!;
  }));
}

export async function updateRegion(ctx: Ctx, id: string, input: z.infer<typeof RegionUpdate>) {
  return thenForgetScopes(ctx, inTx(ctx, async (tx) => {
    const before = await lockRow(tx, regions, 'region', id);
    if (input.code && input.code !== before.code && (await tx.select().from(regions).where(eq(regions.code, input.code))).length) {
      throw duplicate('code', input.code);
    }
    // Only a move or a change of kind is checked: a rename leaves the tree as it was.
    if (input.parentId !== undefined || input.kind !== undefined) {
      await checkPlacement(tx, ctx, { id, parentId: input.parentId === undefined ? before.parentId : input.parentId, kind: (input.kind ?? before.kind) as RegionKind });
    }
    const { version, ...patch } = input;
    const after = await updateVersioned(tx, regions, 'region', id, version, patch);
    await recordAudit(tx, ctx, 'region.updated', { entity: 'region', entityId: id, before, after });
    return after;
  }));
}
