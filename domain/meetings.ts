import type { Light } from './lights.js';

/** 领导小组会议, 指挥部调度会, 专项推进组会议. */
export const MEETING_KINDS = ['leading_group', 'hq_dispatch', 'task_force'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The source's three kinds of agenda item: 听取汇报, 审议 (a plan under review), 研究部署. */
export const AGENDA_KINDS = ['hearing', 'review', 'deployment'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** A meeting is planned and held (agenda, decisions recorded) until its minutes are issued; then it is closed. */
export const MEETING_STATUSES = ['open', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What a 审议 item decided about the plan under review. */
export const REVIEW_OUTCOMES = ['approved', 'returned'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Who a 听取汇报 item hears: a unit, or a task force (a coordinating body). */
export const HEARING_SUBJECTS = ['unit', 'task_force'] as const;
export type HearingSubject = (typeof HEARING_SUBJECTS)[number];

/** How many of the heard party's items a snapshot names (red first, then yellow). */
export const SNAPSHOT_ITEMS = 20;

/** One item named in a snapshot, with its light and the reasons written out (in Chinese: the pack is an official document). */
export interface SnapshotItem {
  itemType: 'task' | 'target' | 'project';
  code: string;
  title: string;
  light: Light;
  reasons: string[];
}

/**
 * The live status of a unit or task force frozen when its report is put on a meeting's agenda
 * (听取汇报): the pack shows what the meeting heard, not what changed after.
 */
export interface StatusSnapshot {
  /** ISO instant the snapshot was taken. */
  takenAt: string;
  subjectType: HearingSubject;
  subjectName: string;
  /** Items counted by light. */
  counts: Record<Light, number>;
  /** The red and yellow items, worst first, at most SNAPSHOT_ITEMS. */
  items: SnapshotItem[];
  /** Blockers still open that the heard party raised (or, for a task force, raised in its area of work). */
  openBlockers: number;
  /** Reports accepted in the 30 days before the snapshot. */
  acceptedReports: number;
}

/** Agenda kinds allowed per meeting kind: only the leading group reviews plans (审议) — the plan flow's approve is a leader's or the office's recording a leading-group decision. */
export function agendaKindAllowed(meeting: MeetingKind, agenda: AgendaKind): boolean {
  return agenda !== 'review' || meeting === 'leading_group';
}

/** Every light counted as zero, to add to. */
export const zeroCounts = (): Record<Light, number> => ({ green: 0, yellow: 0, red: 0, done: 0, not_started: 0 });

/** Items worst first for a snapshot: red before yellow, then by code (the reader finds them as listed elsewhere). */
export function snapshotOrder(a: SnapshotItem, b: SnapshotItem): number {
  const rank = (l: Light) => (l === 'red' ? 0 : l === 'yellow' ? 1 : 2);
  return rank(a.light) - rank(b.light) || a.code.localeCompare(b.code);
}
