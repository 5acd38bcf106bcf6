// Read models of reporting: what queries return and presenters take. Types only, from the schema and
// domain, so that presenters depend on neither the SQL nor its functions (and queries not on presenters).
import type { ClaimDeadline } from '../../domain/claims.js';
import type { IsoDate } from '../../domain/calendar/days.js';
import type { LightReason, Light } from '../../domain/lights.js';
import type { PeriodKind } from '../../domain/periods.js';
import type { ClaimStatus, ItemType } from '../../domain/work.js';
import type { blockers, reports, reportSteps } from '../db/schema/index.js';

/** What reporting needs to know of a task, target or project. */
export interface ItemInfo {
  itemType: ItemType;
  itemId: string;
  code: string;
  title: string;
  light: Light;
  lightReasons: LightReason[];
  planId: string | null;
  /** The task force of the item's plan: it reviews the item's reports (the HQ office does when null). */
  taskForceId: string | null;
  periodKind: PeriodKind;
  /** Deadline (task), or null. */
  due: string | null;
}

/** An item as a workbench line shows it. */
export type LineItem = Pick<ItemInfo, 'itemType' | 'itemId' | 'code' | 'title' | 'light' | 'lightReasons' | 'due'>;

export type ReportRow = typeof reports.$inferSelect;

export type BlockerRow = typeof blockers.$inferSelect;

/** A blocker as its lists and page show it: the row, the names it refers to, every item it holds back (its own first). */
export interface BlockerView {
  blocker: BlockerRow;
  unitName: string | null;
  decidedByName: string | null;
  resolverUnitName: string | null;
  items: { itemType: string; itemId: string; title: string | null }[];
}

/** A report's timed history, evidence and blockers. */
export interface ReportParts {
  steps: { step: typeof reportSteps.$inferSelect; actorName: string | null }[];
  files: { sha256: string; name: string; size: number; mime: string }[];
  raised: { blocker: typeof blockers.$inferSelect; unitName: string | null; resolverUnitName: string | null; decidedByName: string | null }[];
}

/** One report as its page shows it: the row, its unit's name, its item and its parts. */
export interface ReportDetailRow {
  report: ReportRow;
  unitName: string | null;
  item: ItemInfo | undefined;
  /** On a task, the reporting unit's claim as it stands now ('unclaimed' when none; null for targets and projects). */
  claimStatus: ClaimStatus | null;
  parts: ReportParts;
}

/** A task share on a unit's claim lists: the claim deadline only for a claim never made. */
export interface ClaimLine {
  item: LineItem;
  role: string;
  claimStatus: string;
  returnReason: string | null;
  claim: ClaimDeadline | null;
}

/** A unit's "my work": the first lines of each list, and each list's length. */
export interface UnitWorkbench {
  unitName: string | null;
  /** The items of the returned reports, by itemKey. */
  returnedItems: Map<string, ItemInfo>;
  toClaim: ClaimLine[];
  claimsToApprove: ClaimLine[];
  toReport: { item: LineItem; period: string; dueDate: IsoDate }[];
  returned: ReportRow[];
  dueSoon: LineItem[];
  overdue: LineItem[];
  counts: { toClaim: number; claimsToApprove: number; toReport: number; returned: number; dueSoon: number; overdue: number };
}

/** A report as the 进展报送 export writes it. */
export interface ReportExportRow {
  id: string;
  itemType: string;
  itemCode: string | null;
  itemTitle: string | null;
  unitName: string | null;
  period: string;
  dueDate: string | null;
  status: string;
  text: string;
  percent: string | null;
  actual: string | null;
  investment: string | null;
  stage: string | null;
  late: boolean;
  returnReason: string | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
}
