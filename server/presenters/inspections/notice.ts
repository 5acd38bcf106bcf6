import type { NoticeColour, NoticeKind, NoticeStatus, NoticeSubject } from '../../../domain/notices.js';
import type { Notice } from '../../../domain/schemas/notice.js';
import type { NoticeView } from '../../models/inspections.js';

/** Every field of a notice, listed. */
export function presentNotice(v: NoticeView): Notice {
  const n = v.notice;
  return {
    id: n.id,
    kind: n.kind as NoticeKind,
    colour: n.colour as NoticeColour,
    docNumber: n.docNumber,
    unitId: n.unitId,
    unitName: v.unitName,
    subjectType: n.subjectType as NoticeSubject,
    subjectId: n.subjectId,
    subjectTitle: n.subjectTitle,
    workdaysLate: n.workdaysLate,
    deadline: n.deadline,
    content: n.content,
    note: n.note,
    replyBy: n.replyBy,
    status: n.status as NoticeStatus,
    issuedById: n.issuedById,
    issuedAt: n.issuedAt.toISOString(),
    acknowledgedById: n.acknowledgedById,
    acknowledgedAt: n.acknowledgedAt ? n.acknowledgedAt.toISOString() : null,
    version: n.version,
  };
}
