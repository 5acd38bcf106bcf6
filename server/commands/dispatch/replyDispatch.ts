import { and, eq } from 'drizzle-orm';
import type { DispatchStatus, FigureColumn, RecipientStatus } from '../../../domain/dispatch.js';
import { normaliseFigures } from '../../../domain/dispatch.js';
import type { DispatchReply } from '../../../domain/schemas/dispatch.js';
import { replyFlow, type ReplyAction } from '../../../domain/workflows/dispatch.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { dispatchRecipients, dispatches } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import type { DispatchRow, RecipientRow } from '../../models/dispatch.js';
import { hasRole } from '../../policies/actor.js';
import { mayReply, type ReplySubject } from '../../policies/dispatch.js';
import { recipientUnitIds, SEE_ALL_DISPATCHES, unitNames } from '../../queries/dispatch/dispatches.js';
import { lockedWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';
import { checkFigures } from './dispatchChecks.js';

interface ReplyKey {
  dispatchId: string;
  unitId: string;
}

/** The order, the unit replied for, and its row of the reply table (null: the order did not go to it). */
interface FoundReply {
  dispatch: DispatchRow;
  unitId: string;
  recipient: RecipientRow | null;
}

/**
 * The reply of one recipient unit, as a workflow: pending → replied, amended (replied → replied)
 * until the order closes. The audit record is `dispatch.replied` on the order.
 */
const replyWorkflow: Workflow<FoundReply, RecipientStatus, ReplyAction, ReplySubject, RecipientRow, Tx, ReplyKey> = {
  entity: 'dispatch',
  flow: replyFlow,
  done: { reply: 'replied' },
  status: (f) => (f.recipient?.status ?? 'pending') as RecipientStatus,
  version: (f) => f.recipient?.version ?? 0,
  subject: (_tx, f) => ({
    status: (f.recipient?.status ?? 'pending') as RecipientStatus,
    dispatchStatus: f.dispatch.status as DispatchStatus,
    unitId: f.unitId,
    recipient: !!f.recipient,
  }),
  may: (actor, subject, action) => mayReply(actor, subject, action),
  invalid: () => new AppError(409, 'dispatch_closed'),
  stateCheck: (f) => (f.dispatch.status === 'closed' ? new AppError(409, 'dispatch_closed') : f.dispatch.status === 'draft' ? new AppError(409, 'dispatch_not_sent') : undefined),
  // Who may act, by name: the unit's own liaison or head, or, when the order did not go to that unit, the units it went to.
  async refusal(tx, f) {
    const [unit = ''] = await unitNames(tx, [f.unitId]);
    if (f.recipient) return new AppError(403, 'dispatch_reply_unit', { unit });
    const units = (await unitNames(tx, await recipientUnitIds(tx, f.dispatch.id))).join('、');
    return new AppError(403, 'dispatch_not_recipient', { unit, units });
  },
  writer: lockedWriter<FoundReply, RecipientStatus, ReplyAction, RecipientRow, ReplyKey>({
    entity: 'dispatch',
    version: (f) => f.recipient?.version ?? 0,
    // A draft is the office's until it is sent: outside the office it does not exist (404). A sent
    // order is refused with a reason naming who replies, even to a unit it did not go to.
    async load(tx, ctx, key) {
      // FOR SHARE: a reply waits for a close or a chase in flight (they lock the order FOR UPDATE),
      // so none lands on an order closed in between, and a chase never counts a unit that just replied.
      const [dispatch] = await tx.select().from(dispatches).where(eq(dispatches.id, key.dispatchId)).for('share');
      if (!dispatch || (dispatch.status === 'draft' && !hasRole(ctx.actor, ...SEE_ALL_DISPATCHES))) return undefined;
      const [recipient] = await tx
        .select()
        .from(dispatchRecipients)
        .where(and(eq(dispatchRecipients.dispatchId, key.dispatchId), eq(dispatchRecipients.unitId, key.unitId)))
        .for('update');
      return { dispatch, unitId: key.unitId, recipient: recipient ?? null };
    },
    async update(tx, f, set) {
      const [row] = await tx
        .update(dispatchRecipients)
        .set(set as Partial<RecipientRow>)
        .where(and(eq(dispatchRecipients.dispatchId, f.dispatch.id), eq(dispatchRecipients.unitId, f.unitId)))
        .returning();
      return row!;
    },
    audit: async (_tx, f, after) => ({ entityId: f.dispatch.id, before: f.recipient, after: { ...after } }),
  }),
};

/**
 * A unit's reply to an order (its own unit's unless `unitId` names another of the actor's units):
 * the answer, and for a figures order every column's figure, exactly as decimals.
 */
export function replyDispatch(ctx: Ctx, dispatchId: string, input: DispatchReply) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const key = { dispatchId, unitId: input.unitId ?? actor.unitId };
  return takeStep(ctx, replyWorkflow, key, 'reply', {
    version: input.version,
    set: (_tx, f, now) => {
      const columns = f.dispatch.columns as FigureColumn[];
      checkFigures(columns, input.figures, ctx.lang);
      if (f.dispatch.kind !== 'figures' && !input.answer) throw new AppError(422, 'dispatch_answer_required', {}, { answer: '' });
      return {
        replyText: input.answer,
        figures: f.dispatch.kind === 'figures' ? normaliseFigures(columns, input.figures) : null,
        repliedAt: now,
        repliedById: actor.userId,
      };
    },
  });
}
