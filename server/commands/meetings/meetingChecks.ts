import { and, eq, inArray } from 'drizzle-orm';
import type { MeetingKind, MeetingStatus } from '../../../domain/meetings.js';
import type { Actor } from '../../context.js';
import type { Executor, Tx } from '../../db/client.js';
import { bodies, meetingUnits, meetings, orgUnits } from '../../db/schema/index.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import type { MeetingRow } from '../../models/meeting.js';
import { runsMeeting, type MeetingSubject } from '../../policies/meeting.js';
import { meetingScope } from '../../queries/meetings/meetings.js';
import { referable } from '../../queries/writeScope.js';

export const subjectOf = (m: MeetingRow): MeetingSubject => ({ status: m.status as MeetingStatus, kind: m.kind as MeetingKind, bodyId: m.bodyId });

/** 403 naming who runs the meeting. */
export async function notRunner(db: Executor, m: Pick<MeetingRow, 'kind' | 'bodyId'>): Promise<AppError> {
  if (m.kind !== 'task_force' || !m.bodyId) return new AppError(403, 'meeting_run_by_office');
  const [b] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, m.bodyId));
  return new AppError(403, 'meeting_run_by_task_force', { body: b?.name ?? '' });
}

/**
 * The meeting locked for a change by whoever runs it: 404 outside what the actor may read, 409 on
 * a stale version or once its minutes are issued, 403 naming who runs it.
 */
export async function lockOpenMeeting(tx: Tx, actor: Actor, id: string, version?: number): Promise<MeetingRow> {
  const [m] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), meetingScope(actor)))
    .for('update');
  if (!m) throw notFound('meeting');
  if (version !== undefined && version !== m.version) throw versionConflict();
  if (m.status !== 'open') throw new AppError(409, 'meeting_closed');
  if (!runsMeeting(actor, subjectOf(m))) throw await notRunner(tx, m);
  return m;
}

/** The meeting's version moves on with any change to it or its agenda (the page's edits check it). */
export async function bumpMeeting(tx: Tx, m: MeetingRow): Promise<MeetingRow> {
  const [after] = await tx
    .update(meetings)
    .set({ version: m.version + 1 })
    .where(eq(meetings.id, m.id))
    .returning();
  return after!;
}

/** The attending units: those given, in place of any it had (422 naming the field when one does not exist). */
export async function setAttendingUnits(tx: Tx, meetingId: string, unitIds: readonly string[]) {
  if (unitIds.length) {
    const found = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(inArray(orgUnits.id, [...unitIds]), referable(tx, orgUnits)));
    if (found.length < unitIds.length) throw new AppError(422, 'meeting_unit_unknown', { count: unitIds.length - found.length }, { unitIds: '' });
  }
  await tx.delete(meetingUnits).where(eq(meetingUnits.meetingId, meetingId));
  if (unitIds.length) await tx.insert(meetingUnits).values(unitIds.map((unitId) => ({ meetingId, unitId })));
}
