import type { BlockerCreate } from '../../../domain/schemas/blocker.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { blockers } from '../../db/schema/index.js';
import { notFound, unauthenticated } from '../../errors.js';
import { loadItem } from '../../queries/reporting/items.js';
import { reportingUnit } from './reportingUnit.js';

/** A unit raises a blocker (堵点) on an item it owns, outside any report; it starts at unit level. */
export async function raiseBlocker(ctx: Ctx, input: BlockerCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const item = await loadItem(tx, input.itemType, input.itemId);
    if (!item) throw notFound(input.itemType);
    const unitId = await reportingUnit(tx, actor, item);
    const [row] = await tx
      .insert(blockers)
      .values({ itemType: item.itemType, itemId: item.itemId, unitId, title: input.title, detail: input.detail, raisedById: actor.userId })
      .returning();
    await recordAudit(tx, ctx, 'blocker.raised', { entity: 'blocker', entityId: row!.id, after: row });
    return row!;
  });
}
