import type { DecisionCreate } from '../../../domain/schemas/meeting.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { dispatches } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { checkedDeadline, checkUnits } from '../dispatch/dispatchChecks.js';
import { setRecipients } from '../dispatch/saveDispatch.js';
import { bumpMeeting, lockOpenMeeting } from './meetingChecks.js';

/**
 * A 议定事项 of an open meeting: out at once to the units that own it, tracked to reply by its
 * deadline like an order (its light, the office's chasing), under the meeting's name.
 */
export async function recordDecision(ctx: Ctx, meetingId: string, input: DecisionCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const m = await lockOpenMeeting(tx, actor, meetingId);
    await checkUnits(tx, input.unitIds);
    const deadline = await checkedDeadline(tx, input.deadline);
    const now = clockNow();
    const [row] = await tx
      .insert(dispatches)
      .values({
        kind: 'decision',
        title: m.title,
        body: input.content,
        deadline,
        status: 'sent',
        sentAt: now,
        createdById: actor.userId,
        regionId: m.regionId,
        subjectType: 'meeting',
        subjectId: meetingId,
      })
      .returning();
    await setRecipients(tx, row!.id, input.unitIds);
    await bumpMeeting(tx, m);
    await recordAudit(tx, ctx, 'meeting.decision_recorded', { entity: 'dispatch', entityId: row!.id, after: { ...row, unitIds: input.unitIds } });
    return row!;
  });
}
