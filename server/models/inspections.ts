import type { inspections, ledgerEntries } from '../db/schema/index.js';

export type InspectionRow = typeof inspections.$inferSelect;
export type LedgerRow = typeof ledgerEntries.$inferSelect;

/** A ledger entry as its readers see it: the row, its names, the items it concerns and the rectification's evidence. */
export interface LedgerView {
  entry: LedgerRow;
  unitName: string | null;
  inspectionTitle: string | null;
  items: { itemType: string; itemId: string; title: string | null }[];
  evidence: { sha256: string; size: number; mime: string; name: string }[];
}
