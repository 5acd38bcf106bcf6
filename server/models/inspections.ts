import type { bulletins, inspections, ledgerEntries, notices } from '../db/schema/index.js';

export type InspectionRow = typeof inspections.$inferSelect;
/** A campaign with the titles of the items in its scope as they read now (null: gone) and its inspectors' names. */
export type InspectionView = InspectionRow & { itemTitles: (string | null)[]; inspectorNames: string[] };
export type LedgerRow = typeof ledgerEntries.$inferSelect;

/** A ledger entry as its readers see it: the row, its names, the items it concerns and the rectification's evidence. */
export interface LedgerView {
  entry: LedgerRow;
  unitName: string | null;
  inspectionTitle: string | null;
  items: { itemType: string; itemId: string; title: string | null }[];
  evidence: { sha256: string; size: number; mime: string; name: string }[];
}

/** One line of the exported ledger (督查工作台账): the entry's facts as the workbook writes them. */
export interface LedgerExportRow {
  id: string;
  inspectionTitle: string | null;
  unitName: string | null;
  /** The titles of the items it concerns, in code-point order. */
  itemTitles: string[];
  keyLink: string;
  finding: string;
  requirement: string;
  deadline: string;
  measures: string | null;
  status: string;
  verdict: string | null;
  verifyComment: string | null;
  reopenCount: number;
}

export type BulletinRow = typeof bulletins.$inferSelect;
export type NoticeRow = typeof notices.$inferSelect;

/** A bulletin as its readers see it: the row and its campaign's title. */
export interface BulletinView {
  bulletin: BulletinRow;
  inspectionTitle: string | null;
}

/** A notice with the name of the unit it was sent to. */
export interface NoticeView {
  notice: NoticeRow;
  unitName: string | null;
}
