import type { Lang } from '../../../domain/enums.js';
import { noticeName, type NoticeColour, type NoticeKind, type NoticeSubject } from '../../../domain/notices.js';
import { digestTitle } from '../../../domain/reminders/words.js';
import type { Delivery, InboxMessage } from '../../../domain/schemas/reminder.js';
import type { z } from 'zod';
import type { DeliveryRow, InboxRow } from '../../models/reminders.js';

type Message = z.infer<typeof InboxMessage>;

/** A notice's title: its colour and kind, its number and what it is about (official words stay Chinese). */
const noticeTitle = (n: NonNullable<InboxRow['notice']>, lang: Lang) =>
  `${lang === 'en-US' ? 'Inspection notice' : '督查'} ${noticeName(n.kind as NoticeKind, n.colour as NoticeColour)} ${n.docNumber}：${n.subjectTitle}`;

/** Every field of an inbox message, listed; a digest's title counts its lines in the reader's language. */
export function presentInboxMessage(r: InboxRow, lang: Lang): Message {
  const m = r.message;
  return {
    id: m.id,
    kind: m.kind === 'notice' ? 'notice' : 'digest',
    day: m.day,
    title: r.notice ? noticeTitle(r.notice, lang) : digestTitle(m.items, lang),
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt ? m.readAt.toISOString() : null,
    items: m.items.map((i) => ({
      kind: i.kind,
      step: i.step,
      itemType: i.itemType,
      itemId: i.itemId,
      code: i.code,
      title: i.title,
      unitId: i.unitId,
      unitName: r.unitNames.get(i.unitId) ?? null,
      due: i.due,
      workdays: i.workdays,
      period: i.period,
      milestone: i.milestone,
    })),
    notice: r.notice
      ? {
          id: r.notice.id,
          kind: r.notice.kind as NoticeKind,
          colour: r.notice.colour as NoticeColour,
          docNumber: r.notice.docNumber,
          subjectType: r.notice.subjectType as NoticeSubject,
          subjectId: r.notice.subjectId,
          subjectTitle: r.notice.subjectTitle,
          replyBy: r.notice.replyBy,
          status: r.notice.status,
        }
      : null,
  };
}

/** Every field of a delivery log line, listed. */
export function presentDelivery(r: DeliveryRow): z.infer<typeof Delivery> {
  return {
    id: r.delivery.id,
    notificationId: r.delivery.notificationId,
    kind: r.message.kind === 'notice' ? 'notice' : 'digest',
    day: r.message.day,
    userId: r.message.userId,
    userName: r.userName,
    unitName: r.unitName,
    items: r.message.items.length,
    channel: r.delivery.channel,
    recipient: r.delivery.recipient,
    status: r.delivery.status,
    attempts: r.delivery.attempts,
    lastError: r.delivery.lastError,
    createdAt: r.delivery.createdAt.toISOString(),
    sentAt: r.delivery.sentAt ? r.delivery.sentAt.toISOString() : null,
    readAt: r.message.readAt ? r.message.readAt.toISOString() : null,
  };
}
