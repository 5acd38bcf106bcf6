import { eq } from 'drizzle-orm';
import type { DirectiveCreate, DirectivePoint } from '../../../domain/schemas/directive.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { directives } from '../../db/schema/index.js';
import { notFound, unauthenticated } from '../../errors.js';
import { makerRegionId } from '../../queries/regionScope.js';
import { sendPoint } from './directivePoints.js';

/** The office registers a higher-level directive and sends the points it breaks it into, in one step. */
export async function registerDirective(ctx: Ctx, input: DirectiveCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const { points, ...fields } = input;
    const [row] = await tx
      .insert(directives)
      .values({ ...fields, createdById: actor.userId, regionId: await makerRegionId(tx, actor) })
      .returning();
    const pointIds: string[] = [];
    for (const [i, p] of points.entries()) pointIds.push(await sendPoint(tx, actor, row!, p, `points.${i}`));
    await recordAudit(tx, ctx, 'directive.registered', { entity: 'directive', entityId: row!.id, after: { ...row, points: points.map((p, i) => ({ ...p, dispatchId: pointIds[i] })) } });
    return row!;
  });
}

/** Another point of a directive already registered (a later breakdown, a new unit to involve). */
export async function addDirectivePoint(ctx: Ctx, id: string, point: DirectivePoint) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [d] = await tx.select().from(directives).where(eq(directives.id, id)).for('update');
    if (!d) throw notFound('directive');
    const dispatchId = await sendPoint(tx, actor, d, point);
    await tx.update(directives).set({ version: d.version + 1 }).where(eq(directives.id, id));
    await recordAudit(tx, ctx, 'directive.point_added', { entity: 'dispatch', entityId: dispatchId, after: { ...point, directiveId: id, dispatchId } });
    return d;
  });
}
