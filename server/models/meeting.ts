// Read models of meetings: what queries return and presenters take. Types only.
import type { meetingAgendaItems, meetings } from '../db/schema/index.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaRow = typeof meetingAgendaItems.$inferSelect;

/** A meeting with the names and counts its list row shows. */
export interface MeetingListRow {
  meeting: MeetingRow;
  bodyName: string | null;
  agendaCount: number;
  decisionCount: number;
  closedByName: string | null;
}

/** An agenda item with the names of what it is about. */
export interface AgendaLine {
  item: AgendaRow;
  unitName: string | null;
  bodyName: string | null;
  planTitle: string | null;
  planStatus: string | null;
}
