import { z } from 'zod';
import { KEY_LINKS } from '../ledger.js';
import { LIMITS } from '../limits.js';
import { CASE_CATEGORIES, CASE_DISPOSALS, CASE_SOURCES, CASE_STATUSES, OPENED_SOURCES, WATCH_WORKDAYS } from '../oversight.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';

const Title = z.string().trim().min(1).max(200);
const Words = z.string().trim().min(1).max(LIMITS.text);
const Text = z.string().trim().max(LIMITS.text);

/** What the case was opened from: an item (its id), a blocker or a ledger entry. */
export const CaseSourceRef = z.strictObject({ kind: z.enum(OPENED_SOURCES), id: Id });

/**
 * A case received by the oversight role, typed in or opened in one step from what the watch shows
 * (the source's unit is taken when none is given).
 */
export const OversightCaseCreate = z.strictObject({
  category: z.enum(CASE_CATEGORIES),
  keyLink: z.enum(KEY_LINKS).nullish(),
  unitId: Id.nullish(),
  title: Title,
  summary: Text.default(''),
  source: CaseSourceRef.optional(),
});
export type OversightCaseCreate = z.infer<typeof OversightCaseCreate>;

/** 初核: the case is taken up; what was said goes into the notes. */
export const CaseVerify = z.strictObject({ comment: Text.optional(), version: Version.optional() });
export type CaseVerify = z.infer<typeof CaseVerify>;
/** 处置: how the case was dealt with (required) and in words. */
export const CaseHandle = z.strictObject({ disposal: z.enum(CASE_DISPOSALS), disposalText: Words, version: Version.optional() });
export type CaseHandle = z.infer<typeof CaseHandle>;
export const CaseClose = z.strictObject({ comment: Text.optional(), version: Version.optional() });
export type CaseClose = z.infer<typeof CaseClose>;

/** A confidential note: appended, never changed. */
export const CaseNoteCreate = z.strictObject({ content: Words });
export type CaseNoteCreate = z.infer<typeof CaseNoteCreate>;

export const CaseListQuery = PageQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  source: z.enum(CASE_SOURCES).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseNote = z.object({ id: Id, content: z.string(), authorId: Id.nullable(), authorName: z.string().nullable(), createdAt: z.string() });
export type CaseNote = z.infer<typeof CaseNote>;

export const OversightCase = z.object({
  id: Id,
  category: z.enum(CASE_CATEGORIES),
  keyLink: z.enum(KEY_LINKS).nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  sourceKind: z.enum(CASE_SOURCES),
  sourceId: Id.nullable(),
  /** The source's name (an item's code and title, a blocker's title, a ledger finding), when it still exists. */
  sourceTitle: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  disposal: z.enum(CASE_DISPOSALS).nullable(),
  disposalText: z.string().nullable(),
  notes: z.array(CaseNote),
  createdById: Id.nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type OversightCase = z.infer<typeof OversightCase>;

/** 监督哨: how far back it looks, in workdays. */
export const WatchQuery = z.strictObject({ days: z.coerce.number().int().min(0).max(250).default(WATCH_WORKDAYS) });
export type WatchQuery = z.infer<typeof WatchQuery>;

export const WatchItem = z.object({
  itemType: z.enum(['task', 'target', 'project']),
  itemId: Id,
  code: z.string(),
  title: z.string(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  light: z.string(),
  /** The source a case opened from it takes: overdue when late by the threshold, else red_light. */
  source: z.enum(['red_light', 'overdue']),
  overdueWorkdays: z.number().nullable(),
  redSince: z.string().nullable(),
  /** A case already opened from it that is not closed, if any. */
  openCaseId: Id.nullable(),
});
export type WatchItem = z.infer<typeof WatchItem>;

export const WatchBlocker = z.object({
  blockerId: Id,
  title: z.string(),
  unitId: Id,
  unitName: z.string().nullable(),
  level: z.string(),
  status: z.string(),
  levelSince: z.string(),
  /** Workdays at its level, today not counted. */
  workdaysAtLevel: z.number(),
  openCaseId: Id.nullable(),
});
export type WatchBlocker = z.infer<typeof WatchBlocker>;

export const Watch = z.object({ days: z.number(), cutoff: z.string(), items: z.array(WatchItem), blockers: z.array(WatchBlocker), truncated: z.boolean() });
export type Watch = z.infer<typeof Watch>;

/** 遏增清存 for a period (days, Asia/Shanghai); the current year to date when not given. */
export const FiguresQuery = z
  .strictObject({ from: IsoDateString.optional(), to: IsoDateString.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'range' });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const Figures = z.object({ from: z.string(), to: z.string(), opened: z.number(), closed: z.number(), stockAtStart: z.number(), stockAtEnd: z.number() });
export type Figures = z.infer<typeof Figures>;
