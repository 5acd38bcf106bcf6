import type { StatusSnapshot } from '../../domain/meetings.js';

/**
 * What the meeting pack (会议材料) and the minutes (会议纪要) are written from: the meeting as read,
 * its words already resolved (labels, unit names) so the documents only lay them out. Official
 * documents are in Chinese whatever the reader's UI language.
 */
export interface MeetingDoc {
  /** 领导小组会议 / 指挥部调度会 / 专项推进组会议 */
  kindLabel: string;
  title: string;
  /** YYYY-MM-DD (Asia/Shanghai). */
  heldOn: string;
  place: string;
  /** The task force holding a task-force meeting. */
  hostBody: string | null;
  /** 出席人员 as typed (names and posts). */
  attendees: string;
  /** The units attending (task-force lead units, 街镇党工委书记 …), by name. */
  units: string[];
  agenda: MeetingDocAgendaItem[];
  decisions: MeetingDocDecision[];
  /** The minutes' summary text, paragraphs separated by blank lines or newlines. */
  minutes: string;
  /** 'open' (pack before or during the meeting) or 'closed' (minutes issued). */
  status: 'open' | 'closed';
  /** ISO instant the document was generated. */
  generatedAt: string;
}

export interface MeetingDocAgendaItem {
  position: number;
  /** 听取汇报 / 审议 / 研究部署 */
  kindLabel: string;
  title: string;
  /** The unit or task force heard, or the plan under review (its title). */
  subjectName: string | null;
  /** Discussion notes for the minutes. */
  note: string;
  /** 审议通过 / 退回修改, once decided. */
  outcomeLabel: string | null;
  /** A 听取汇报 item's frozen status of the party heard. */
  snapshot: StatusSnapshot | null;
}

export interface MeetingDocDecision {
  seq: number;
  content: string;
  /** Owner units, by name. */
  units: string[];
  /** YYYY-MM-DD */
  deadline: string;
}
