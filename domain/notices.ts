import { chineseDate } from './text.js';

/**
 * The ladder for late rectification and late work (issue 22 item 3): a reminder (the reminders
 * of the workbench, no document) while it is due, then — once late — a 催办单 (urge) and a
 * 督办单 (supervise) in three colours as lateness grows, and at last a name in a bulletin.
 */
export const NOTICE_KINDS = ['urge', 'supervise'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_COLOURS = ['blue', 'yellow', 'red'] as const;
export type NoticeColour = (typeof NOTICE_COLOURS)[number];

/** What a notice is about: a ledger entry (its rectification is late) or an overdue task, target or project. */
export const NOTICE_SUBJECTS = ['ledger', 'task', 'target', 'project'] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];

export const NOTICE_STATUSES = ['sent', 'acknowledged'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * The thresholds, in workdays late (after the deadline day, the China workday calendar):
 * 1–5 蓝色催办单, 6–10 黄色督办单, 11 and more 红色督办单.
 */
export const NOTICE_STEPS: readonly { upTo: number; kind: NoticeKind; colour: NoticeColour }[] = [
  { upTo: 5, kind: 'urge', colour: 'blue' },
  { upTo: 10, kind: 'supervise', colour: 'yellow' },
  { upTo: Infinity, kind: 'supervise', colour: 'red' },
];

/** The notice lateness calls for, or null while the work is not late (a reminder's time, not a notice's). */
export function noticeLevel(workdaysLate: number): { kind: NoticeKind; colour: NoticeColour } | null {
  if (!Number.isFinite(workdaysLate) || workdaysLate < 1) return null;
  const step = NOTICE_STEPS.find((s) => workdaysLate <= s.upTo)!;
  return { kind: step.kind, colour: step.colour };
}

/** The reasons of a light that say an item is late, each with its workdays late. */
const LATE_REASONS = ['overdue', 'milestone_overdue', 'claim_overdue'];

/** A light reason as stored and as the API sends it (its code, its parameters). */
export type LateReason = { code: string; params?: Readonly<Record<string, unknown>> };

/** Workdays an item is late by, as its light says (the worst of its late reasons); 0 when none says so. */
export function itemWorkdaysLate(reasons: readonly LateReason[]): number {
  let worst = 0;
  for (const r of reasons) {
    const n = Number(r.params?.workdays);
    if (LATE_REASONS.includes(r.code) && Number.isFinite(n)) worst = Math.max(worst, n);
  }
  return worst;
}

/** 蓝色催办单 / 黄色督办单 / 红色督办单: the words a notice is titled with. */
export const NOTICE_KIND_WORDS: Record<NoticeKind, string> = { urge: '催办单', supervise: '督办单' };
export const NOTICE_COLOUR_WORDS: Record<NoticeColour, string> = { blue: '蓝色', yellow: '黄色', red: '红色' };
export const noticeName = (kind: NoticeKind, colour: NoticeColour) => `${NOTICE_COLOUR_WORDS[colour]}${NOTICE_KIND_WORDS[kind]}`;

/** 反馈时限: a notice is answered within this many workdays unless the inspector sets a day. */
export const NOTICE_REPLY_WORKDAYS = 3;

/**
 * The notice's words: what is late, by how much, and what the unit must do by when. Official
 * documents are in Chinese whatever the reader's language.
 */
export function noticeContent(n: { kind: NoticeKind; subjectType: NoticeSubject; subjectTitle: string; deadline: string | null; workdaysLate: number; today: string; replyBy: string; requirement?: string | null }): string {
  const what = n.subjectType === 'ledger' ? `督查发现的“${n.subjectTitle}”问题` : `“${n.subjectTitle}”`;
  const due = n.deadline ? `${n.subjectType === 'ledger' ? '整改期限' : '完成时限'}为${chineseDate(n.deadline)}，` : '';
  const task = n.subjectType === 'ledger' ? '整改' : '工作';
  const req = n.requirement ? `整改要求：${n.requirement}。` : '';
  const ask =
    n.kind === 'urge'
      ? `请你单位抓紧推进，于${chineseDate(n.replyBy)}前完成${task}，并将进展情况书面报送督查室。`
      : `现予督办。请你单位主要负责同志亲自过问，于${chineseDate(n.replyBy)}前完成${task}，并将落实情况书面报送督查室；逾期未完成的，将在督查通报中予以点名。`;
  return `你单位${what}，${due}截至${chineseDate(n.today)}已逾期${n.workdaysLate}个工作日，仍未完成。${req}${ask}`;
}
