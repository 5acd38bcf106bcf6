import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { BLOCKER_LEVELS, ITEM_TYPES } from '../work.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';

/**
 * open: waits for its holder at its level; assigned: a resolver unit works on it (交办); resolved:
 * waits for the raising unit to verify; closed: verified (or resolved before verification existed).
 */
export const BLOCKER_STATUSES = ['open', 'assigned', 'resolved', 'closed'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
/** Not yet resolved: what holds the items back and what the holders' queues list. */
export const UNRESOLVED_BLOCKER_STATUSES = ['open', 'assigned'] as const satisfies readonly BlockerStatus[];
export const isUnresolvedBlocker = (s: BlockerStatus) => (UNRESOLVED_BLOCKER_STATUSES as readonly BlockerStatus[]).includes(s);

/** What kind of obstacle it is; 体制机制障碍 is the one the source names. */
export const BLOCKER_CATEGORIES = ['funding', 'land', 'approval', 'coordination', 'institutional', 'technical', 'public', 'other'] as const;
export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];
export type BlockerLevel = (typeof BLOCKER_LEVELS)[number];

/** The level a blocker goes to when escalated (unit → task force → HQ → leading group). */
export function nextBlockerLevel(level: BlockerLevel): BlockerLevel | undefined {
  return BLOCKER_LEVELS[BLOCKER_LEVELS.indexOf(level) + 1];
}

const Title = z.string().trim().min(1).max(200);
const Detail = z.string().trim().max(LIMITS.text);

const Help = z.string().trim().max(LIMITS.text);
const Words = z.string().trim().min(1).max(LIMITS.text);
const ItemRef = z.strictObject({ itemType: z.enum(ITEM_TYPES), itemId: Id });
export type BlockerItemRef = z.infer<typeof ItemRef>;

/** A blocker raised inside a report. */
export const BlockerInline = z.strictObject({ title: Title, detail: Detail.default(''), category: z.enum(BLOCKER_CATEGORIES).default('other'), helpAsked: Help.default('') });
export type BlockerInline = z.infer<typeof BlockerInline>;

/** A blocker raised directly on a task, target or project; `alsoItems` are the other items it holds back. */
export const BlockerCreate = z.strictObject({
  itemType: z.enum(ITEM_TYPES),
  itemId: Id,
  title: Title,
  detail: Detail.default(''),
  category: z.enum(BLOCKER_CATEGORIES).default('other'),
  helpAsked: Help.default(''),
  alsoItems: z.array(ItemRef).max(20).default([]),
});
export type BlockerCreate = z.infer<typeof BlockerCreate>;

export const BlockerEscalate = z.strictObject({ version: Version.optional() });
/** 交办: the holder gives it to a unit to solve by a day, with what is to be done. */
export const BlockerAssign = z.strictObject({ resolverUnitId: Id, dueDate: IsoDateString, note: Help.default(''), version: Version.optional() });
/** The holder settles it with a decision; the raising unit then verifies. */
export const BlockerDecide = z.strictObject({ decision: Words, version: Version.optional() });
/** The resolver unit says how it was solved. */
export const BlockerResolve = z.strictObject({ resolution: Words, version: Version.optional() });
/** 批示/退回: the holder sends it back down with an instruction, to the level that acts on it (one below by default). */
export const BlockerReturn = z.strictObject({
  instruction: Words,
  level: z.enum(BLOCKER_LEVELS).optional(),
  version: Version.optional(),
});
export const BlockerVerify = z.strictObject({ note: Help.default(''), version: Version.optional() });
export const BlockerReopen = z.strictObject({ reason: Words, version: Version.optional() });

/** The levels a blocker at `level` may be sent back down to (every one below it). */
export function lowerBlockerLevels(level: BlockerLevel): BlockerLevel[] {
  return BLOCKER_LEVELS.slice(0, Math.max(0, BLOCKER_LEVELS.indexOf(level)));
}

export const BlockerListQuery = PageQuery.extend({
  /** Only this region of the reader's and the regions under it (a drill-down from the dashboard); absent: all of the reader's. */
  region: Id.optional(),
  /** `unresolved`: open or assigned. */
  status: z.enum([...BLOCKER_STATUSES, 'unresolved']).optional(),
  level: z.enum(BLOCKER_LEVELS).optional(),
  unit: Id.optional(),
  /** Given to this unit to solve. */
  resolver: Id.optional(),
  category: z.enum(BLOCKER_CATEGORIES).optional(),
  item: Id.optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
});

export const Blocker = z.object({
  id: Id,
  itemType: z.enum(ITEM_TYPES),
  itemId: Id,
  itemTitle: z.string().nullable(),
  reportId: Id.nullable(),
  unitId: Id,
  unitName: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  level: z.enum(BLOCKER_LEVELS),
  status: z.enum(BLOCKER_STATUSES),
  raisedById: Id.nullable(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The instruction it was sent back down with (批示), when, and who decided last (resolved or instructed). */
  instruction: z.string().nullable(),
  instructedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  category: z.enum(BLOCKER_CATEGORIES),
  helpAsked: z.string(),
  /** Since when it sits at its level (automatic escalation counts from here). */
  levelSince: z.string(),
  resolverUnitId: Id.nullable(),
  resolverUnitName: z.string().nullable(),
  dueDate: z.string().nullable(),
  assignNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  reopenCount: z.number(),
  reopenReason: z.string().nullable(),
  /** Every item it holds back, its own first. */
  items: z.array(z.object({ itemType: z.enum(ITEM_TYPES), itemId: Id, title: z.string().nullable() })),
  version: z.number(),
  /** On a list's rows: what the requester may do to this one (the row tier), so a list needs no read per row. */
  policies: z.record(z.string(), z.boolean()).optional(),
});
export type Blocker = z.infer<typeof Blocker>;
