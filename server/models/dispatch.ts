// Read models of dispatch orders: what queries return and presenters take. Types only.
import type { dispatchRecipients, dispatches } from '../db/schema/index.js';

export type DispatchRow = typeof dispatches.$inferSelect;
export type RecipientRow = typeof dispatchRecipients.$inferSelect;

/** An order with the counts the actor may see (the whole table for the office, one row for a unit). */
export interface DispatchListRow {
  dispatch: DispatchRow;
  unitCount: number;
  repliedCount: number;
  issuedByName: string | null;
}

/** One unit's row of the reply table, with the names it shows. */
export interface RecipientLine {
  recipient: RecipientRow;
  unitName: string;
  repliedByName: string | null;
}

/** 本期未报送: a unit with items to report in their open period and no report for them yet. */
export interface UnreportedUnitRow {
  unitId: string;
  unitName: string;
  toReport: number;
}

/** An item tracked on a subject (a meeting's decision, a visit's follow-up), with every owner unit's name. */
export type TrackedOnSubject = DispatchListRow & { unitNames: string[] };
