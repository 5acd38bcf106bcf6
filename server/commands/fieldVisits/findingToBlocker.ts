import type { FindingToBlocker } from '../../../domain/schemas/fieldVisit.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { blockerItems, blockers } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated } from '../../errors.js';
import { lightEnv, refreshItemLights } from '../../lights/refresh.js';
import { hasRole } from '../../policies/actor.js';
import { itemOwners, loadItem } from '../../queries/reporting/items.js';
import { lockFinding, markFinding } from './findingChecks.js';

/**
 * A finding made a blocker (堵点) in one step: on the item it holds back, raised for the unit that
 * answers for that item, and held at once by the task force that found it (its plan's task force;
 * the HQ office when the item's plan has none). The item's light says so from now on.
 */
export async function findingToBlocker(ctx: Ctx, visitId: string, findingId: string, input: FindingToBlocker) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const { visit, finding } = await lockFinding(tx, actor, visitId, findingId, input.version);
    const item = await loadItem(tx, input.itemType, input.itemId);
    if (!item) throw notFound(input.itemType);
    // A task force holds blockers on its own plans' items; another task force's item is for the office.
    if (!hasRole(actor, 'hq_office') && item.taskForceId !== visit.bodyId) throw new AppError(403, 'visit_item_other_task_force');
    const [unitId] = await itemOwners(tx, item.itemType, item.itemId);
    if (!unitId) throw new AppError(422, 'visit_item_no_unit', {}, { itemId: '' });
    const [row] = await tx
      .insert(blockers)
      .values({
        itemType: item.itemType,
        itemId: item.itemId,
        unitId,
        title: input.title,
        detail: finding.text,
        category: input.category,
        helpAsked: input.helpAsked,
        level: item.taskForceId ? 'task_force' : 'hq',
        raisedById: actor.userId,
      })
      .returning();
    await tx.insert(blockerItems).values({ blockerId: row!.id, itemType: item.itemType, itemId: item.itemId });
    await markFinding(tx, finding, { outcome: 'blocker', blockerId: row!.id });
    await refreshItemLights(tx, [{ itemType: item.itemType, itemId: item.itemId }], await lightEnv(tx));
    await recordAudit(tx, ctx, 'field_visit.blocker_raised', { entity: 'blocker', entityId: row!.id, after: { ...row, visitId, findingId } });
    return row!;
  });
}
