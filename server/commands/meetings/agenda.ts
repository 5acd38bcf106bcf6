import { and, eq, sql } from 'drizzle-orm';
import { agendaKindAllowed, type HearingSubject, type MeetingKind, type StatusSnapshot } from '../../../domain/meetings.js';
import type { AgendaItemCreate, AgendaItemUpdate } from '../../../domain/schemas/meeting.js';
import { MEETING_MAX_AGENDA } from '../../../domain/schemas/meeting.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { bodies, meetingAgendaItems, orgUnits, plans } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import type { AgendaRow, MeetingRow } from '../../models/meeting.js';
import { statusSnapshot } from '../../queries/meetings/snapshot.js';
import { bumpMeeting, lockOpenMeeting } from './meetingChecks.js';
import { referable } from '../../queries/writeScope.js';

/**
 * The status of the unit or task force heard, as the meeting may read it: a task force's own
 * meeting hears only itself, and a unit's items in its plans. 422 when there is nothing to hear.
 */
async function takeSnapshot(tx: Tx, m: MeetingRow, subject: { type: HearingSubject; id: string }): Promise<StatusSnapshot> {
  const field = subject.type === 'unit' ? 'unitId' : 'bodyId';
  const [named] =
    subject.type === 'unit'
      ? await tx.select({ name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.id, subject.id), referable(tx, orgUnits)))
      : await tx.select({ name: bodies.name }).from(bodies).where(and(eq(bodies.id, subject.id), eq(bodies.kind, 'task_force'), referable(tx, bodies)));
  if (!named) throw new AppError(422, 'agenda_hearing_unknown', {}, { [field]: '' });
  const within = m.kind === 'task_force' ? m.bodyId : null;
  if (within && subject.type === 'task_force' && subject.id !== within) throw new AppError(403, 'agenda_hearing_other_task_force');
  const snapshot = await statusSnapshot(tx, { ...subject, name: named.name }, within, clockNow());
  if (!snapshot) throw new AppError(422, 'agenda_hearing_nothing', { name: named.name, scope: within ? '@hearing_scope_task_force' : '@hearing_scope_all' }, { [field]: '' });
  return snapshot;
}

/** A 审议's plan: it exists and is under review (submitted by the office). */
async function checkReviewPlan(tx: Tx, planId: string) {
  const [p] = await tx.select({ status: plans.status }).from(plans).where(eq(plans.id, planId));
  if (!p) throw new AppError(422, 'agenda_plan_unknown', {}, { planId: '' });
  if (p.status !== 'under_review') throw new AppError(422, 'agenda_plan_not_under_review', { status: `@plan_status_${p.status}` }, { planId: '' });
}

/** Puts an item on an open meeting's agenda, last; a hearing freezes the status heard. */
export async function addAgendaItem(ctx: Ctx, meetingId: string, input: AgendaItemCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const m = await lockOpenMeeting(tx, actor, meetingId);
    if (!agendaKindAllowed(m.kind as MeetingKind, input.kind)) throw new AppError(422, 'agenda_review_leading_group', {}, { kind: '' });
    const [n] = await tx.select({ n: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${meetingAgendaItems.position}), 0)::int` }).from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId));
    if ((n?.n ?? 0) >= MEETING_MAX_AGENDA) throw new AppError(422, 'agenda_too_many', { max: MEETING_MAX_AGENDA });
    if (input.planId) await checkReviewPlan(tx, input.planId);
    const heard = input.unitId ? { type: 'unit' as const, id: input.unitId } : input.bodyId ? { type: 'task_force' as const, id: input.bodyId } : null;
    const snapshot = heard ? await takeSnapshot(tx, m, heard) : null;
    const [row] = await tx
      .insert(meetingAgendaItems)
      .values({
        meetingId,
        position: (n?.last ?? 0) + 1,
        kind: input.kind,
        title: input.title,
        unitId: input.unitId ?? null,
        bodyId: input.bodyId ?? null,
        planId: input.planId ?? null,
        snapshot,
        snapshotAt: snapshot ? new Date(snapshot.takenAt) : null,
        note: input.note,
      })
      .returning();
    await bumpMeeting(tx, m);
    await recordAudit(tx, ctx, 'meeting.agenda_added', { entity: 'meeting', entityId: meetingId, after: { ...row, snapshot: undefined } });
    return row!;
  });
}

/** The item locked for a change, on the meeting locked by whoever runs it. */
async function lockItem(tx: Tx, ctx: Ctx, meetingId: string, itemId: string, version?: number): Promise<{ m: MeetingRow; item: AgendaRow }> {
  const m = await lockOpenMeeting(tx, ctx.actor!, meetingId);
  const [item] = await tx
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId)))
    .for('update');
  if (!item) throw notFound('agenda_item');
  if (version !== undefined && version !== item.version) throw versionConflict();
  return { m, item };
}

/** Edits an item's title and the notes the minutes take from it. */
export async function updateAgendaItem(ctx: Ctx, meetingId: string, itemId: string, input: AgendaItemUpdate) {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const { m, item } = await lockItem(tx, ctx, meetingId, itemId, input.version);
    const [after] = await tx
      .update(meetingAgendaItems)
      .set({ title: input.title ?? item.title, note: input.note ?? item.note, version: item.version + 1 })
      .where(eq(meetingAgendaItems.id, itemId))
      .returning();
    await bumpMeeting(tx, m);
    await recordAudit(tx, ctx, 'meeting.agenda_updated', { entity: 'meeting', entityId: meetingId, before: { ...item, snapshot: undefined }, after: { ...after, snapshot: undefined } });
    return after!;
  });
}

/** Takes an item off the agenda; a review whose outcome moved the plan stays (it is on record). */
export async function removeAgendaItem(ctx: Ctx, meetingId: string, itemId: string, version?: number) {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const { m, item } = await lockItem(tx, ctx, meetingId, itemId, version);
    if (item.outcome) throw new AppError(409, 'agenda_outcome_recorded', { outcome: `@review_outcome_${item.outcome}` });
    await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.id, itemId));
    await bumpMeeting(tx, m);
    await recordAudit(tx, ctx, 'meeting.agenda_removed', { entity: 'meeting', entityId: meetingId, before: { ...item, snapshot: undefined } });
  });
}

/** Takes a hearing's snapshot again (the meeting moved to another day; the status moved on). */
export async function refreshSnapshot(ctx: Ctx, meetingId: string, itemId: string, version?: number) {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const { m, item } = await lockItem(tx, ctx, meetingId, itemId, version);
    if (item.kind !== 'hearing') throw new AppError(422, 'agenda_not_hearing');
    const heard = item.unitId ? { type: 'unit' as const, id: item.unitId } : { type: 'task_force' as const, id: item.bodyId! };
    const snapshot = await takeSnapshot(tx, m, heard);
    const [after] = await tx
      .update(meetingAgendaItems)
      .set({ snapshot, snapshotAt: new Date(snapshot.takenAt), version: item.version + 1 })
      .where(eq(meetingAgendaItems.id, itemId))
      .returning();
    await bumpMeeting(tx, m);
    await recordAudit(tx, ctx, 'meeting.snapshot_taken', { entity: 'meeting', entityId: meetingId, after: { itemId, title: item.title, counts: snapshot.counts, takenAt: snapshot.takenAt } });
    return after!;
  });
}
