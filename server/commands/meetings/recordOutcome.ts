import { and, eq } from 'drizzle-orm';
import type { AgendaOutcome } from '../../../domain/schemas/meeting.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { meetingAgendaItems, meetings } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import type { AgendaRow, MeetingRow } from '../../models/meeting.js';
import { meetingPolicy } from '../../policies/meeting.js';
import { meetingScope } from '../../queries/meetings/meetings.js';
import { stepPlan } from '../planning/stepPlan.js';
import { lockOpenMeeting, subjectOf } from './meetingChecks.js';

/** The checks an outcome needs, on the meeting and item as read (before the plan moves, and again inside its transaction). */
function outcomeProblem(m: MeetingRow, item: AgendaRow | undefined, version: number): AppError | undefined {
  if (!item) return notFound('agenda_item');
  if (item.version !== version) return versionConflict();
  if (item.kind !== 'review' || !item.planId) return new AppError(422, 'agenda_not_review');
  if (item.outcome) return new AppError(409, 'agenda_outcome_recorded', { outcome: `@review_outcome_${item.outcome}` });
  if (m.status !== 'open') return new AppError(409, 'meeting_closed');
  return undefined;
}

async function readItem(db: Tx | Ctx['database']['db'], meetingId: string, itemId: string) {
  const [item] = await db
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId)));
  return item;
}

/**
 * A leading-group meeting's 审议 decided: the plan under review is approved (the meeting named as
 * the decision) or sent back with the reason; the plan and the agenda item move together.
 */
export async function recordOutcome(ctx: Ctx, meetingId: string, itemId: string, input: AgendaOutcome) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const db = ctx.database.db;
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), meetingScope(actor)));
  if (!m) throw notFound('meeting');
  const item = await readItem(db, meetingId, itemId);
  const early = outcomeProblem(m, item, input.version);
  if (early) throw early;
  if (!meetingPolicy.row.decide(actor, subjectOf(m))) throw new AppError(403, m.kind === 'leading_group' ? 'meeting_run_by_office' : 'agenda_review_leading_group');
  const action = input.outcome === 'approved' ? 'approve' : 'return';
  await stepPlan(ctx, item!.planId!, action, {
    decisionRef: `${m.title}（${m.heldOn}）`,
    reason: input.reason,
    // One record for the one decision: the plan's step, naming the meeting and the item that took it.
    note: { meetingId, agendaItemId: itemId, outcome: input.outcome },
    effects: async (tx) => {
      const locked = await lockOpenMeeting(tx, actor, meetingId);
      const [again] = await tx
        .select()
        .from(meetingAgendaItems)
        .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId)))
        .for('update');
      const late = outcomeProblem(locked, again, input.version);
      if (late) throw late;
      await tx
        .update(meetingAgendaItems)
        // The reason a plan is sent back is the meeting's too: kept beside any note, for the minutes.
        .set({ outcome: input.outcome, note: [again!.note, input.reason].filter(Boolean).join('\n'), version: again!.version + 1 })
        .where(eq(meetingAgendaItems.id, itemId));
      await tx.update(meetings).set({ version: locked.version + 1 }).where(eq(meetings.id, meetingId));
    },
  });
}
