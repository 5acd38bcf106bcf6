import type { FindingToFollowUp } from '../../../domain/schemas/fieldVisit.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { dispatches } from '../../db/schema/index.js';
import { makerRegionId } from '../../queries/regionScope.js';
import { unauthenticated } from '../../errors.js';
import { checkedDeadline, checkUnits } from '../dispatch/dispatchChecks.js';
import { setRecipients } from '../dispatch/saveDispatch.js';
import { lockFinding, markFinding } from './findingChecks.js';

/**
 * A finding followed up in one step: out at once to the units that answer for it, tracked to reply
 * by its deadline like an order (its light, the office's chasing), under the visit's place.
 */
export async function findingToFollowUp(ctx: Ctx, visitId: string, findingId: string, input: FindingToFollowUp) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const { visit, finding } = await lockFinding(tx, actor, visitId, findingId, input.version);
    await checkUnits(tx, input.unitIds);
    const deadline = await checkedDeadline(tx, input.deadline);
    const now = clockNow();
    const [row] = await tx
      .insert(dispatches)
      .values({
        kind: 'follow_up',
        title: `${visit.visitedOn} ${visit.place}`,
        body: finding.text,
        deadline,
        status: 'sent',
        sentAt: now,
        createdById: actor.userId,
        regionId: await makerRegionId(tx, actor),
        subjectType: 'field_visit',
        subjectId: visitId,
      })
      .returning();
    await setRecipients(tx, row!.id, input.unitIds);
    await markFinding(tx, finding, { outcome: 'follow_up', dispatchId: row!.id });
    await recordAudit(tx, ctx, 'field_visit.follow_up_sent', { entity: 'dispatch', entityId: row!.id, after: { ...row, unitIds: input.unitIds, visitId, findingId } });
    return row!;
  });
}
