import type { complaints } from '../db/schema/index.js';

export type ComplaintRow = typeof complaints.$inferSelect;

/** A complaint as its tracking code finds it: what the public may read, and its case's status. */
export interface ComplaintStatusRow {
  trackingCode: string;
  environment: string;
  createdAt: Date;
  reply: string | null;
  repliedAt: Date | null;
  caseStatus: string;
}

/** A file a complaint came with, as the oversight role's complaint card lists it. */
export interface ComplaintFileRow {
  sha256: string;
  name: string;
  mime: string;
  size: number;
}
