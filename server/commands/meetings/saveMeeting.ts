import { and, eq } from 'drizzle-orm';
import type { MeetingCreate, MeetingUpdate } from '../../../domain/schemas/meeting.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { bodies, meetings } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import { hasRole } from '../../policies/actor.js';
import { taskForcesOf } from '../../policies/report.js';
import { attendingUnits } from '../../queries/meetings/meetings.js';
import { lockOpenMeeting, setAttendingUnits } from './meetingChecks.js';
import { referable } from '../../queries/writeScope.js';
import { makerRegionId } from '../../queries/regionScope.js';

/**
 * A new meeting: the HQ office holds the leading group's and the HQ's (and may hold a task
 * force's); a task force holds its own.
 */
export async function createMeeting(ctx: Ctx, input: MeetingCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const office = hasRole(actor, 'hq_office');
  if (input.kind !== 'task_force' && !office) throw new AppError(403, 'meeting_kind_not_yours');
  return inTx(ctx, async (tx) => {
    let regionId: string | undefined;
    if (input.bodyId) {
      const [b] = await tx.select({ kind: bodies.kind, regionId: bodies.regionId }).from(bodies).where(and(eq(bodies.id, input.bodyId), eq(bodies.kind, 'task_force'), referable(tx, bodies)));
      if (!b) throw new AppError(422, 'meeting_body_unknown', {}, { bodyId: '' });
      if (!office && !taskForcesOf(actor).includes(input.bodyId)) throw new AppError(403, 'meeting_body_not_yours');
      regionId = b.regionId;
    }
    const [row] = await tx
      .insert(meetings)
      .values({ kind: input.kind, title: input.title, heldOn: input.heldOn, place: input.place, bodyId: input.bodyId ?? null, attendees: input.attendees, createdById: actor.userId, regionId: regionId ?? (await makerRegionId(tx, actor)) })
      .returning();
    await setAttendingUnits(tx, row!.id, input.unitIds);
    await recordAudit(tx, ctx, 'meeting.created', { entity: 'meeting', entityId: row!.id, after: { ...row, unitIds: input.unitIds } });
    return row!;
  });
}

/** Edits an open meeting: its day, place, attendance and the minutes' text. */
export async function updateMeeting(ctx: Ctx, id: string, input: MeetingUpdate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const before = await lockOpenMeeting(tx, actor, id, input.version);
    const unitsBefore = (await attendingUnits(tx, id)).map((u) => u.id);
    if (input.unitIds) await setAttendingUnits(tx, id, input.unitIds);
    const [after] = await tx
      .update(meetings)
      .set({
        title: input.title ?? before.title,
        heldOn: input.heldOn ?? before.heldOn,
        place: input.place ?? before.place,
        attendees: input.attendees ?? before.attendees,
        minutes: input.minutes ?? before.minutes,
        version: before.version + 1,
      })
      .where(eq(meetings.id, id))
      .returning();
    await recordAudit(tx, ctx, 'meeting.updated', {
      entity: 'meeting',
      entityId: id,
      before: { ...before, unitIds: unitsBefore },
      after: { ...after, unitIds: input.unitIds ?? unitsBefore },
    });
    return after!;
  });
}
