import type { AgendaKind, MeetingKind, MeetingStatus, ReviewOutcome, StatusSnapshot } from '../../../domain/meetings.js';
import type { AgendaItem, Meeting, MeetingDetail } from '../../../domain/schemas/meeting.js';
import type { Actor } from '../../context.js';
import type { TrackedOnSubject } from '../../models/dispatch.js';
import type { AgendaLine, MeetingListRow } from '../../models/meeting.js';
import { meetingPolicy } from '../../policies/meeting.js';
import { presentDispatch, type Lateness } from '../dispatch/dispatch.js';

/** A meeting as its list row shows it. */
export function presentMeeting(r: MeetingListRow): Meeting {
  const m = r.meeting;
  return {
    id: m.id,
    kind: m.kind as MeetingKind,
    title: m.title,
    heldOn: m.heldOn,
    place: m.place,
    bodyId: m.bodyId,
    bodyName: r.bodyName,
    status: m.status as MeetingStatus,
    agendaCount: r.agendaCount,
    decisionCount: r.decisionCount,
    version: m.version,
  };
}

/** An agenda item; `mayDecide` when its plan is still under review and the actor records outcomes at this meeting. */
export function presentAgendaItem(l: AgendaLine, mayDecideHere: boolean): AgendaItem {
  const i = l.item;
  return {
    id: i.id,
    position: i.position,
    kind: i.kind as AgendaKind,
    title: i.title,
    unitId: i.unitId,
    bodyId: i.bodyId,
    subjectName: l.unitName ?? l.bodyName,
    planId: i.planId,
    planTitle: l.planTitle,
    planStatus: l.planStatus,
    snapshot: (i.snapshot as StatusSnapshot | null) ?? null,
    outcome: (i.outcome as ReviewOutcome | null) ?? null,
    note: i.note,
    version: i.version,
    mayDecide: mayDecideHere && i.kind === 'review' && !i.outcome && l.planStatus === 'under_review',
  };
}

/** The whole meeting: attendance, agenda with snapshots, and the decisions with their lights. */
export function presentMeetingDetail(
  actor: Actor | null,
  r: MeetingListRow,
  units: { id: string; name: string }[],
  agenda: AgendaLine[],
  decisions: TrackedOnSubject[],
  at: Lateness,
): MeetingDetail {
  const base = presentMeeting(r);
  const mayDecide = meetingPolicy.row.decide(actor, { status: base.status, kind: base.kind, bodyId: base.bodyId });
  return {
    ...base,
    attendees: r.meeting.attendees,
    minutes: r.meeting.minutes,
    units,
    agenda: agenda.map((l) => presentAgendaItem(l, mayDecide)),
    decisions: decisions.map((d) => ({ ...presentDispatch(d, at), unitNames: Array.isArray(d.unitNames) ? d.unitNames : [] })),
    closedAt: r.meeting.closedAt ? r.meeting.closedAt.toISOString() : null,
    closedByName: r.closedByName,
  };
}
