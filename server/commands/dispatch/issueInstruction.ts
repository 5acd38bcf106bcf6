import type { InstructionCreate } from '../../../domain/schemas/dispatch.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { dispatches } from '../../db/schema/index.js';
import { makerRegionId } from '../../queries/regionScope.js';
import { AppError, unauthenticated } from '../../errors.js';
import { instructionSubject } from '../../queries/dispatch/instructionSubject.js';
import { checkedDeadline, checkUnits } from './dispatchChecks.js';
import { setRecipients } from './saveDispatch.js';

/**
 * A leader's 批示 on a report, blocker or item: out at once (no draft) to the units given, or to
 * those the subject concerns, with a reply due by the deadline given or in three workdays. From
 * then on it is tracked as an order is: the units reply, the office chases and closes it.
 */
export async function issueInstruction(ctx: Ctx, input: InstructionCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const subject = await instructionSubject(tx, input.subjectType, input.subjectId);
    if (!subject) throw new AppError(422, 'instruction_subject_unknown', { type: `@instruction_subject_${input.subjectType}` }, { subjectId: '' });
    const unitIds = input.unitIds ?? subject.unitIds;
    if (!unitIds.length) throw new AppError(422, 'instruction_no_units', {}, { unitIds: '' });
    await checkUnits(tx, unitIds);
    const deadline = await checkedDeadline(tx, input.deadline);
    const now = clockNow();
    const [row] = await tx
      .insert(dispatches)
      .values({
        kind: 'instruction',
        title: subject.title,
        body: input.content,
        deadline,
        status: 'sent',
        sentAt: now,
        createdById: actor.userId,
        regionId: await makerRegionId(tx, actor),
        subjectType: input.subjectType,
        subjectId: input.subjectId,
      })
      .returning();
    await setRecipients(tx, row!.id, unitIds);
    await recordAudit(tx, ctx, 'instruction.issued', { entity: 'dispatch', entityId: row!.id, after: { ...row, unitIds } });
    return row!;
  });
}
