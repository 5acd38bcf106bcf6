import type { AgendaKind, MeetingKind } from '../../../domain/meetings.js';
import type { MeetingDetail } from '../../../domain/schemas/meeting.js';
import type { MeetingDoc } from '../../docx/meetingDoc.js';

const KIND: Record<MeetingKind, string> = { leading_group: '领导小组会议', hq_dispatch: '指挥部调度会', task_force: '专项推进组会议' };
const AGENDA: Record<AgendaKind, string> = { hearing: '听取汇报', review: '审议', deployment: '研究部署' };
const OUTCOME = { approved: '审议通过', returned: '退回修改' } as const;

/** The meeting as its documents are written: Chinese labels, names resolved. */
export function meetingDocOf(m: MeetingDetail, now: Date): MeetingDoc {
  return {
    kindLabel: KIND[m.kind],
    title: m.title,
    heldOn: m.heldOn,
    place: m.place,
    hostBody: m.bodyName,
    attendees: m.attendees,
    units: m.units.map((u) => u.name),
    agenda: m.agenda.map((a) => ({
      position: a.position,
      kindLabel: AGENDA[a.kind],
      title: a.title,
      subjectName: a.kind === 'review' ? a.planTitle : a.subjectName,
      note: a.note,
      outcomeLabel: a.outcome ? OUTCOME[a.outcome] : null,
      snapshot: a.snapshot,
    })),
    decisions: m.decisions.map((d, i) => ({ seq: i + 1, content: d.content, units: d.unitNames, deadline: d.deadline })),
    minutes: m.minutes,
    status: m.status,
    generatedAt: now.toISOString(),
  };
}
