import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { BLOCKER_LEVELS, ITEM_TYPES } from '../work.js';
import { Id, PageQuery, Version } from './common.js';

export const BLOCKER_STATUSES = ['open', 'resolved'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
export type BlockerLevel = (typeof BLOCKER_LEVELS)[number];

/** The level a blocker goes to when escalated (unit → task force → HQ → leading group). */
export function nextBlockerLevel(level: BlockerLevel): BlockerLevel | undefined {
  return BLOCKER_LEVELS[BLOCKER_LEVELS.indexOf(level) + 1];
}

const Title = z.string().trim().min(1).max(200);
const Detail = z.string().trim().max(LIMITS.text);

/** A blocker raised inside a report. */
export const BlockerInline = z.strictObject({ title: Title, detail: Detail.default('') });
export type BlockerInline = z.infer<typeof BlockerInline>;

/** A blocker raised directly on a task, target or project. */
export const BlockerCreate = z.strictObject({ itemType: z.enum(ITEM_TYPES), itemId: Id, title: Title, detail: Detail.default('') });
export type BlockerCreate = z.infer<typeof BlockerCreate>;

export const BlockerEscalate = z.strictObject({ version: Version.optional() });
export const BlockerResolve = z.strictObject({ resolution: z.string().trim().min(1).max(LIMITS.text), version: Version.optional() });
/** 批示: the leading group sends a blocker back down with an instruction, to the level that acts on it (one below by default). */
export const BlockerInstruct = z.strictObject({
  instruction: z.string().trim().min(1).max(LIMITS.text),
  level: z.enum(BLOCKER_LEVELS).optional(),
  version: Version.optional(),
});

/** The levels a blocker at `level` may be sent back down to (every one below it). */
export function lowerBlockerLevels(level: BlockerLevel): BlockerLevel[] {
  return BLOCKER_LEVELS.slice(0, Math.max(0, BLOCKER_LEVELS.indexOf(level)));
}

export const BlockerListQuery = PageQuery.extend({
  status: z.enum(BLOCKER_STATUSES).optional(),
  level: z.enum(BLOCKER_LEVELS).optional(),
  unit: Id.optional(),
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
  version: z.number(),
});
export type Blocker = z.infer<typeof Blocker>;
