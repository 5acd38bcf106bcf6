import type { BlockerCreate } from '../../../domain/schemas/blocker.js';
import { itemKey } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { blockerItems, blockers } from '../../db/schema/index.js';
import { notFound, unauthenticated } from '../../errors.js';
import { lightEnv, refreshItemLights } from '../../lights/refresh.js';
import { loadItem, loadItems } from '../../queries/reporting/items.js';
import { ruleBroken } from '../planning/checks.js';
import { reportingUnit } from './reportingUnit.js';
import { referableItem } from '../../queries/writeScope.js';

/**
 * A unit raises a blocker (堵点) on an item it owns, outside any report; it starts at unit level.
 * The other items it names as held back need only exist: their lights say so too.
 */
export async function raiseBlocker(ctx: Ctx, input: BlockerCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const item = await loadItem(tx, input.itemType, input.itemId);
    if (!item || !(await referableItem(tx, item.itemType, item.itemId))) throw notFound(input.itemType);
    const unitId = await reportingUnit(tx, actor, item);
    const others = input.alsoItems.filter((i) => i.itemId !== item.itemId);
    const found = await loadItems(tx, others);
    const missing = others.findIndex((i) => !found.has(itemKey(i.itemType, i.itemId)));
    if (missing >= 0) throw ruleBroken('reference_invalid', `alsoItems.${missing}`);
    const [row] = await tx
      .insert(blockers)
      .values({
        itemType: item.itemType,
        itemId: item.itemId,
        unitId,
        title: input.title,
        detail: input.detail,
        category: input.category,
        helpAsked: input.helpAsked,
        raisedById: actor.userId,
      })
      .returning();
    const items = [{ itemType: item.itemType, itemId: item.itemId }, ...new Map(others.map((o) => [o.itemId, o])).values()];
    await tx.insert(blockerItems).values(items.map((i) => ({ blockerId: row!.id, itemType: i.itemType, itemId: i.itemId })));
    await refreshItemLights(tx, items, await lightEnv(tx));
    await recordAudit(tx, ctx, 'blocker.raised', { entity: 'blocker', entityId: row!.id, after: { ...row, items } });
    return row!;
  });
}
