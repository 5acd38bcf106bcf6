import type { oversightCases } from '../db/schema/index.js';

export type CaseRow = typeof oversightCases.$inferSelect;

/** A case as the oversight role reads it: the row, the names it shows and its notes, oldest first. */
export interface CaseView {
  row: CaseRow;
  unitName: string | null;
  sourceTitle: string | null;
  notes: { id: string; content: string; authorId: string | null; authorName: string | null; createdAt: Date }[];
}

/** An item on the watch, as read: its light facts and the day it last turned red. */
export interface WatchItemRow {
  itemType: 'task' | 'target' | 'project';
  itemId: string;
  code: string;
  title: string;
  unitId: string | null;
  unitName: string | null;
  light: string;
  lightReasons: unknown;
  redSince: string | null;
  openCaseId: string | null;
}

/** An unresolved blocker that has sat at its level since the cutoff or before. */
export interface WatchBlockerRow {
  blockerId: string;
  title: string;
  unitId: string;
  unitName: string | null;
  level: string;
  status: string;
  levelSince: Date;
  openCaseId: string | null;
}
