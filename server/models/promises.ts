import type { promises, responseRequests } from '../db/schema/index.js';

export type RequestRow = typeof responseRequests.$inferSelect;
export type PromiseRow = typeof promises.$inferSelect;

export interface EvidenceFile {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/** A response request as read: the row, its unit's name, who drafted and sent it (by post), its evidence. */
export interface RequestView {
  row: RequestRow;
  unitName: string | null;
  draftedByName: string | null;
  answeredByName: string | null;
  evidence: EvidenceFile[];
}

/** A promise as read: the row, its unit's name and the evidence that it was kept. */
export interface PromiseView {
  row: PromiseRow;
  unitName: string | null;
  evidence: EvidenceFile[];
}
