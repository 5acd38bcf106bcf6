import type { IsoDate } from '../../../domain/calendar/days.js';
import type { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { lateWorkdays, repliedLate, trackedLight, type DispatchStatus, type FigureColumn, type RecipientStatus, type TrackedKind, type TrackedSubjectType } from '../../../domain/dispatch.js';
import type { Dispatch, DispatchDetail, DispatchRecipient } from '../../../domain/schemas/dispatch.js';
import type { DispatchListRow, RecipientLine } from '../../models/dispatch.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every field of an order, listed, with the counts the actor may see. */
export function presentDispatch(r: DispatchListRow, at: Lateness): Dispatch {
  const d = r.dispatch;
  return {
    id: d.id,
    kind: d.kind as TrackedKind,
    // A 批示's title is its subject's, as it was named when the leader wrote it.
    subject: d.subjectType && d.subjectId ? { type: d.subjectType as TrackedSubjectType, id: d.subjectId, title: d.title } : null,
    issuedByName: r.issuedByName,
    title: d.title,
    content: d.body,
    columns: (d.columns as FigureColumn[]).map((c) => ({ key: c.key, label: c.label, ...(c.unit ? { unit: c.unit } : {}) })),
    deadline: d.deadline,
    status: d.status as DispatchStatus,
    createdAt: d.createdAt.toISOString(),
    sentAt: iso(d.sentAt),
    closedAt: iso(d.closedAt),
    unitCount: r.unitCount,
    repliedCount: r.repliedCount,
    light: trackedLight(at.cal, { status: d.status as DispatchStatus, deadline: d.deadline, pending: r.repliedCount < r.unitCount }, at.today),
    version: d.version,
  };
}

/** How late a unit's row is on the workday calendar: a reply after the deadline day, or none past it. */
export interface Lateness {
  cal: WorkdayCalendar;
  today: IsoDate;
}

/** One unit's row of the reply table; `mayReply` is the actor's right to reply for that unit now. */
export function presentRecipient(l: RecipientLine, deadline: IsoDate, at: Lateness, mayReply: boolean): DispatchRecipient {
  const r = l.recipient;
  const overdue = r.status === 'pending' ? lateWorkdays(at.cal, deadline, at.today) : 0;
  return {
    unitId: r.unitId,
    unitName: l.unitName,
    status: r.status as RecipientStatus,
    answer: r.replyText,
    figures: (r.figures as Record<string, string> | null) ?? null,
    repliedAt: iso(r.repliedAt),
    repliedByName: l.repliedByName,
    late: r.repliedAt ? repliedLate(deadline, r.repliedAt) : overdue > 0,
    lateWorkdays: overdue,
    chasedCount: r.chasedCount,
    lastChasedAt: iso(r.lastChasedAt),
    version: r.version,
    mayReply,
  };
}

/** An order with its reply table; `mayReply` is the reply policy for one row (the actor's right to reply for that unit now). */
export function presentDispatchDetail(r: DispatchListRow, lines: RecipientLine[], at: Lateness, mayReply: (line: RecipientLine) => boolean): DispatchDetail {
  return { ...presentDispatch(r, at), recipients: lines.map((l) => presentRecipient(l, r.dispatch.deadline, at, mayReply(l))) };
}
