import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { unitsWhere } from '../../policies/report.js';
import { itemOwners, type ItemInfo } from '../../queries/reporting/items.js';

/**
 * The unit the actor acts for on this item: one of the units where they are liaison or head that
 * owns the item (the requested one, else their own unit first). Anyone else's item: 403 with the reason.
 */
export async function reportingUnit(db: Executor, actor: Actor, item: ItemInfo, requested?: string): Promise<string> {
  const mine = unitsWhere(actor, 'liaison', 'unit_head');
  const owners = new Set(await itemOwners(db, item.itemType, item.itemId));
  const candidates = (requested ? [requested] : [actor.unitId, ...mine]).filter((u) => mine.includes(u) && owners.has(u));
  if (!candidates[0]) throw new AppError(403, 'report_not_owner', { item: `@${item.itemType}` });
  return candidates[0];
}
