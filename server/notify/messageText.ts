import { digestLinePath, noticeSubjectPath } from '../../domain/itemPaths.js';
import { noticeName, type NoticeColour, type NoticeKind, type NoticeSubject } from '../../domain/notices.js';
import type { DigestItem } from '../../domain/reminders/digest.js';
import { digestTitle, itemLine, stepWord } from '../../domain/reminders/words.js';

/** A message of the outbox as the sender reads it: whose, its lines, and its notice when it is one. */
export interface OutgoingMessage {
  userName: string;
  items: DigestItem[];
  notice: { kind: string; colour: string; docNumber: string; subjectType: string; subjectId: string; subjectTitle: string; replyBy: string } | null;
}

// What leaves the platform is in Chinese only: the recipients are the district's staff, and a
// robot's group or a mailbox has no language setting to follow.
const noticeHeadline = (n: NonNullable<OutgoingMessage['notice']>) => `督查${noticeName(n.kind as NoticeKind, n.colour as NoticeColour)} ${n.docNumber}`;
const noticeAsk = (n: NonNullable<OutgoingMessage['notice']>) => `${n.subjectTitle}，请于${n.replyBy}前反馈。`;

/** A group robot's title and markdown text: the person named first, for the whole group reads it. */
export function robotText(m: OutgoingMessage): { title: string; text: string } {
  const title = m.notice ? noticeHeadline(m.notice) : `推进提醒：${digestTitle(m.items, 'zh-CN')}`;
  const lines = m.notice ? [noticeAsk(m.notice)] : m.items.map((i) => `- ${itemLine(i, 'zh-CN')}`);
  return { title, text: [`${m.userName}：`, ...lines].join('\n') };
}

/**
 * An e-mail's subject and plain text: "推进提醒：您有 N 项待办", each line with its step and, when the
 * platform's public address is configured, the link that opens it (the same page as the inbox's line).
 */
export function mailText(m: OutgoingMessage, publicUrl: string | undefined): { subject: string; text: string } {
  const open = publicUrl ? [`登录推进平台查看：${publicUrl}${m.notice ? '/notices' : '/inbox'}`] : ['请登录推进平台，在“消息”中查看。'];
  if (m.notice) {
    // The late item or finding it is about first, as the inbox opens it; then where to 签收.
    const subject = publicUrl ? [`督办事项：${publicUrl}${noticeSubjectPath({ subjectType: m.notice.subjectType as NoticeSubject, subjectId: m.notice.subjectId })}`] : [];
    return { subject: `推进提醒：${noticeHeadline(m.notice)}`, text: [`${m.userName}：`, '', `您单位收到${noticeHeadline(m.notice)}：${noticeAsk(m.notice)}`, '', ...subject, ...open, '', SIGNATURE].join('\n') };
  }
  const lines = m.items.flatMap((i, n) => [`${n + 1}. 【${stepWord(i.step, i.kind, 'zh-CN')}】${itemLine(i, 'zh-CN')}`, ...(publicUrl ? [`   ${publicUrl}${digestLinePath(i)}`] : [])]);
  return { subject: `推进提醒：您有 ${m.items.length} 项待办`, text: [`${m.userName}：`, '', `${digestTitle(m.items, 'zh-CN')}`, '', ...lines, '', ...open, '', SIGNATURE].join('\n') };
}

const SIGNATURE = '—— 推进平台（系统自动发送，请勿直接回复）';
