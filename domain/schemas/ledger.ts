import { z } from 'zod';
import { TRAIL_ACTIONS } from '../ledgerTrail.js';
import { INSPECTION_KINDS, KEY_LINKS, LEDGER_SOURCES, LEDGER_STATUSES, LEDGER_VERDICTS, type LedgerSource } from '../ledger.js';
import { LIMITS } from '../limits.js';
import { ITEM_TYPES } from '../work.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';
import { Evidence, EvidenceRef } from './evidence.js';

const Title = z.string().trim().min(1).max(200);
const Text = z.string().trim().max(LIMITS.text);
const Words = z.string().trim().min(1).max(LIMITS.text);
const Ids = z.array(Id).max(500);
const ItemRef = z.strictObject({ itemType: z.enum(ITEM_TYPES), itemId: Id });
/** The items a campaign looks at (its scope, beside units and areas): a few dozen at most. */
const ScopeItems = z.array(ItemRef).max(100);

/** A campaign's period: from ≤ to. */
const periodOk = (p: { periodFrom?: string | undefined; periodTo?: string | undefined }) => !p.periodFrom || !p.periodTo || p.periodFrom <= p.periodTo;
const PERIOD = { path: ['periodTo'], message: 'range' };

/** 督查 campaign: what, when, where (units; areas too), and who inspects. */
export const InspectionCreate = z
  .strictObject({
    kind: z.enum(INSPECTION_KINDS),
    title: Title,
    description: Text.default(''),
    periodFrom: IsoDateString,
    periodTo: IsoDateString,
    unitIds: Ids.min(1),
    areaIds: Ids.default([]),
    items: ScopeItems.default([]),
    inspectorIds: Ids.default([]),
  })
  .refine(periodOk, PERIOD);
export type InspectionCreate = z.infer<typeof InspectionCreate>;

/** An edit: what is given replaces what was; `version` as read. */
export const InspectionUpdate = z
  .strictObject({
    kind: z.enum(INSPECTION_KINDS).optional(),
    title: Title.optional(),
    description: Text.optional(),
    periodFrom: IsoDateString.optional(),
    periodTo: IsoDateString.optional(),
    unitIds: Ids.min(1).optional(),
    areaIds: Ids.optional(),
    items: ScopeItems.optional(),
    inspectorIds: Ids.optional(),
    version: Version,
  })
  .refine(periodOk, PERIOD);
export type InspectionUpdate = z.infer<typeof InspectionUpdate>;

export const InspectionListQuery = PageQuery.extend({ kind: z.enum(INSPECTION_KINDS).optional(), unit: Id.optional() });

export const Inspection = z.object({
  id: Id,
  kind: z.enum(INSPECTION_KINDS),
  title: z.string(),
  description: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  unitIds: z.array(Id),
  areaIds: z.array(Id),
  /** With the title as it reads now (null: the item is gone). */
  items: z.array(z.object({ itemType: z.enum(ITEM_TYPES), itemId: Id, title: z.string().nullable() })),
  inspectorIds: z.array(Id),
  /** In the order of inspectorIds. */
  inspectorNames: z.array(z.string()),
  createdById: Id.nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type Inspection = z.infer<typeof Inspection>;

/** Who may be named as a campaign's inspector: the accounts holding the inspector role. */
export const Inspector = z.object({ id: Id, displayName: z.string() });
export type Inspector = z.infer<typeof Inspector>;

/** Where the entry came from; for an entered finding there is none. */
export const LedgerSourceRef = z.strictObject({ kind: z.enum(['red_light', 'overdue', 'blocker', 'field_visit'] as const satisfies readonly LedgerSource[]), id: Id });

/**
 * An inspector's finding. From a red light, an overdue item or a blocker the unit and item come
 * from the source when not given; a field-visit finding or an entered one names its unit.
 */
export const LedgerCreate = z.strictObject({
  inspectionId: Id.nullish(),
  unitId: Id.optional(),
  items: z.array(ItemRef).max(20).optional(),
  keyLink: z.enum(KEY_LINKS),
  finding: Words,
  requirement: Words,
  /** 整改期限: 10 workdays ahead when not given. */
  deadline: IsoDateString.optional(),
  source: LedgerSourceRef.optional(),
});
export type LedgerCreate = z.infer<typeof LedgerCreate>;

export const LedgerAcknowledge = z.strictObject({ version: Version.optional() });
/** The unit's rectification: what it did (required) and the evidence (optional, from the evidence store). */
export const LedgerRectify = z.strictObject({ measures: Words, evidence: z.array(EvidenceRef).max(20).default([]), version: Version.optional() });
export type LedgerRectify = z.infer<typeof LedgerRectify>;
/** 跟踪问效: the inspector's verdict and why. */
export const LedgerVerify = z.strictObject({ verdict: z.enum(LEDGER_VERDICTS), comment: Words, version: Version.optional() });
export type LedgerVerify = z.infer<typeof LedgerVerify>;
export const LedgerReopen = z.strictObject({ reason: Words, version: Version.optional() });
export type LedgerReopen = z.infer<typeof LedgerReopen>;
export const LedgerClose = z.strictObject({ version: Version.optional() });

export const LedgerListQuery = PageQuery.extend({
  campaign: Id.optional(),
  unit: Id.optional(),
  link: z.enum(KEY_LINKS).optional(),
  status: z.enum(LEDGER_STATUSES).optional(),
  /** `true`: only entries whose rectification is late. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

/** One step of an entry's trail: who did what when, and what they wrote. */
export const LedgerTrailStep = z.object({
  action: z.enum(TRAIL_ACTIONS),
  at: z.string(),
  actorName: z.string().nullable(),
  verdict: z.enum(LEDGER_VERDICTS).nullable(),
  text: z.string().nullable(),
});
export type LedgerTrailStep = z.infer<typeof LedgerTrailStep>;

export const LedgerEntry = z.object({
  id: Id,
  inspectionId: Id.nullable(),
  inspectionTitle: z.string().nullable(),
  unitId: Id,
  unitName: z.string().nullable(),
  items: z.array(z.object({ itemType: z.enum(ITEM_TYPES), itemId: Id, title: z.string().nullable() })),
  keyLink: z.enum(KEY_LINKS),
  finding: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  sourceKind: z.enum(LEDGER_SOURCES),
  sourceId: Id.nullable(),
  status: z.enum(LEDGER_STATUSES),
  verdict: z.enum(LEDGER_VERDICTS).nullable(),
  verifyComment: z.string().nullable(),
  measures: z.string().nullable(),
  evidence: z.array(Evidence),
  reopenCount: z.number(),
  reopenReason: z.string().nullable(),
  createdById: Id.nullable(),
  createdAt: z.string(),
  acknowledgedById: Id.nullable(),
  acknowledgedAt: z.string().nullable(),
  rectifiedById: Id.nullable(),
  rectifiedAt: z.string().nullable(),
  verifiedById: Id.nullable(),
  verifiedAt: z.string().nullable(),
  closedById: Id.nullable(),
  closedAt: z.string().nullable(),
  reopenedById: Id.nullable(),
  reopenedAt: z.string().nullable(),
  /** The 跟踪问效 trail, oldest first: on one entry's detail, not in lists. */
  trail: z.array(LedgerTrailStep).optional(),
  version: z.number(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
