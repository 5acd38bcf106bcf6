import { eq } from 'drizzle-orm';
import type { PublicReply } from '../../../domain/schemas/complaint.js';
import { CASE_AUDIT_ENTITY } from '../../../domain/oversight.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { complaints } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated } from '../../errors.js';
import { findVisibleCase } from '../../queries/oversight/cases.js';

/**
 * 公开答复: the oversight role sets (or corrects) the reply the complainant reads by the tracking
 * code. The case must be the actor's to read and come from a complaint (422 otherwise); the audit
 * record, like every case's, keeps the fact and not the words.
 */
export async function replyComplaint(ctx: Ctx, caseId: string, input: PublicReply): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  await inTx(ctx, async (tx) => {
    const view = await findVisibleCase(tx, actor, caseId);
    if (!view) throw notFound('oversight_case');
    if (view.row.sourceKind !== 'complaint' || !view.row.sourceId) throw new AppError(422, 'case_not_complaint');
    await tx
      .update(complaints)
      .set({ reply: input.reply, repliedAt: clockNow(), repliedById: actor.userId })
      .where(eq(complaints.id, view.row.sourceId));
    await recordAudit(tx, ctx, 'oversight_case.publicly_replied', { entity: CASE_AUDIT_ENTITY, entityId: caseId });
  });
}
