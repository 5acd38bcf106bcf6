import { z } from 'zod';
import { DISPATCH_KINDS, DISPATCH_STATUSES, FIGURE_PATTERN, INSTRUCTION_SUBJECTS, RECIPIENT_STATUSES, TRACKED_KINDS, TRACKED_SUBJECTS } from '../dispatch.js';
import { LIGHTS } from '../lights.js';
import { LIMITS } from '../limits.js';
import { IsoDateString } from './calendar.js';
import { Id, Name, PageQuery, Version } from './common.js';
import { rule } from './ruleMessages.js';

/** Most units one order goes to: a district has a few hundred. */
export const DISPATCH_MAX_UNITS = 500;
/** Most columns a `figures` order's table has: it is a small table, not a survey. */
export const DISPATCH_MAX_COLUMNS = 20;

const Title = z.string().trim().min(1).max(200);
const Content = z.string().trim().max(LIMITS.text);

/** One column of the figure table: a key (letters, digits, _), a Chinese header, an optional unit of measure. */
export const FigureColumn = z.strictObject({
  key: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/),
  label: Name,
  unit: z.string().trim().max(20).optional(),
});

const Columns = z
  .array(FigureColumn)
  .max(DISPATCH_MAX_COLUMNS)
  .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, { message: 'duplicate key' });
const UnitIds = z
  .array(Id)
  .min(1)
  .max(DISPATCH_MAX_UNITS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate unit' });

/** A figures order needs its table, the other kinds none. */
const columnsFitKind = (d: { kind?: string | undefined; columns?: unknown[] | undefined }) =>
  d.kind === undefined || d.columns === undefined || (d.kind === 'figures' ? d.columns.length > 0 : d.columns.length === 0);

/** A new order (a draft): what, to whom, by when (default: three workdays ahead). */
export const DispatchCreate = z
  .strictObject({
    kind: z.enum(DISPATCH_KINDS),
    title: Title,
    content: Content.default(''),
    columns: Columns.default([]),
    deadline: IsoDateString.optional(),
    unitIds: UnitIds,
  })
  .refine(columnsFitKind, { path: ['columns'], message: 'columns' });
export type DispatchCreate = z.infer<typeof DispatchCreate>;

/** Edits of a draft; the kind and its table change together. */
export const DispatchUpdate = z
  .strictObject({
    version: Version,
    kind: z.enum(DISPATCH_KINDS).optional(),
    title: Title.optional(),
    content: Content.optional(),
    columns: Columns.optional(),
    deadline: IsoDateString.optional(),
    unitIds: UnitIds.optional(),
  })
  .refine(columnsFitKind, { path: ['columns'], message: 'columns' });
export type DispatchUpdate = z.infer<typeof DispatchUpdate>;

export const DispatchStep = z.strictObject({ version: Version.optional() });

/** A figure: a decimal as a string (never a float), up to four decimals. */
export const FigureString = z.string(rule('decimal')).trim().regex(FIGURE_PATTERN, rule('decimal'));

/**
 * A unit's reply: the answer (or, for an action, what was done), and the figures keyed by the
 * order's columns. `unitId` is the unit replied for, the actor's own unit by default.
 */
export const DispatchReply = z.strictObject({
  unitId: Id.optional(),
  answer: Content.default(''),
  figures: z.record(z.string().max(32), FigureString).default({}),
  version: Version.optional(),
});
export type DispatchReply = z.infer<typeof DispatchReply>;

export const DispatchListQuery = PageQuery.extend({ status: z.enum(DISPATCH_STATUSES).optional(), kind: z.enum(TRACKED_KINDS).optional() });

/**
 * A leader's 批示 on a report, blocker or item: the text, and (by default) it goes to the units the
 * subject concerns with a reply due in three workdays; it is out at once, tracked like an order.
 */
export const InstructionCreate = z.strictObject({
  subjectType: z.enum(INSTRUCTION_SUBJECTS),
  subjectId: Id,
  content: z.string().trim().min(1).max(LIMITS.text),
  unitIds: UnitIds.optional(),
  deadline: IsoDateString.optional(),
});
export type InstructionCreate = z.infer<typeof InstructionCreate>;

/** The 批示 written on one subject. */
export const InstructionListQuery = z.strictObject({ subjectType: z.enum(INSTRUCTION_SUBJECTS), subjectId: Id });

/** One unit's row of the reply table. */
export const DispatchRecipient = z.object({
  unitId: Id,
  unitName: z.string(),
  status: z.enum(RECIPIENT_STATUSES),
  answer: z.string().nullable(),
  figures: z.record(z.string(), z.string()).nullable(),
  repliedAt: z.string().nullable(),
  repliedByName: z.string().nullable(),
  /** Replied after the deadline day, or (no reply) the deadline has passed. */
  late: z.boolean(),
  /** Workdays past the deadline without a reply (0 when replied or not yet due). */
  lateWorkdays: z.number(),
  chasedCount: z.number(),
  lastChasedAt: z.string().nullable(),
  version: z.number(),
  /** May the actor reply (or amend the reply) for this unit now. */
  mayReply: z.boolean(),
});
export type DispatchRecipient = z.infer<typeof DispatchRecipient>;

/** What a 批示 was written on, by name (null for the office's orders). */
export const InstructionSubject = z.object({ type: z.enum(TRACKED_SUBJECTS), id: Id, title: z.string() });

export const Dispatch = z.object({
  id: Id,
  kind: z.enum(TRACKED_KINDS),
  subject: InstructionSubject.nullable(),
  /** Who issued it: the office for its orders, the leader who wrote a 批示. */
  issuedByName: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string().optional() })),
  deadline: z.string(),
  status: z.enum(DISPATCH_STATUSES),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Recipients and replies the actor may see (all of them for the HQ office and leaders; a unit its own). */
  unitCount: z.number(),
  repliedCount: z.number(),
  /** Its tracking light (domain/dispatch.ts trackedLight), over the replies the reader sees: a unit's own. */
  light: z.enum(LIGHTS),
  version: z.number(),
});
export type Dispatch = z.infer<typeof Dispatch>;

export const DispatchDetail = Dispatch.extend({ recipients: z.array(DispatchRecipient) });
export type DispatchDetail = z.infer<typeof DispatchDetail>;

/** 本期未报送: a unit with items due this period and no report for them yet. */
export const UnreportedUnit = z.object({ unitId: Id, unitName: z.string(), toReport: z.number() });
export const Unreported = z.object({ units: z.array(UnreportedUnit), defaultDeadline: z.string() });
