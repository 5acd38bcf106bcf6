// Read models of field visits: what queries return and presenters take. Types only.
import type { fieldVisitFindings, fieldVisits } from '../db/schema/index.js';

export type FieldVisitRow = typeof fieldVisits.$inferSelect;
export type FindingRow = typeof fieldVisitFindings.$inferSelect;

export interface FieldVisitListRow {
  visit: FieldVisitRow;
  bodyName: string;
  createdByName: string | null;
  findingCount: number;
  openFindingCount: number;
}

/** A finding with the blocker it became, as it stands. */
export interface FindingLine {
  finding: FindingRow;
  blockerTitle: string | null;
  blockerStatus: string | null;
  blockerLevel: string | null;
}
