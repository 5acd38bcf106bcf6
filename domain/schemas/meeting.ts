import { z } from 'zod';
import { AGENDA_KINDS, HEARING_SUBJECTS, MEETING_KINDS, MEETING_STATUSES, REVIEW_OUTCOMES } from '../meetings.js';
import { LIGHTS } from '../lights.js';
import { LIMITS } from '../limits.js';
import { IsoDateString } from './calendar.js';
import { Dispatch } from './dispatch.js';
import { Id, PageQuery, Version } from './common.js';

/** Most units attending one meeting, or owning one decision. */
export const MEETING_MAX_UNITS = 500;
/** Most agenda items of one meeting. */
export const MEETING_MAX_AGENDA = 30;

const Title = z.string().trim().min(1).max(200);
const Text = z.string().trim().max(LIMITS.text);
const Place = z.string().trim().max(LIMITS.name);
const UnitIds = z
  .array(Id)
  .max(MEETING_MAX_UNITS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate unit' });

/** A new meeting: its kind, title and day; a task-force meeting names its task force. */
export const MeetingCreate = z
  .strictObject({
    kind: z.enum(MEETING_KINDS),
    title: Title,
    heldOn: IsoDateString,
    place: Place.default(''),
    bodyId: Id.optional(),
    attendees: Text.default(''),
    unitIds: UnitIds.default([]),
  })
  .refine((m) => (m.kind === 'task_force') === (m.bodyId !== undefined), { path: ['bodyId'], message: 'task_force' });
export type MeetingCreate = z.infer<typeof MeetingCreate>;

/** Edits of an open meeting, and its minutes' text. */
export const MeetingUpdate = z.strictObject({
  version: Version,
  title: Title.optional(),
  heldOn: IsoDateString.optional(),
  place: Place.optional(),
  attendees: Text.optional(),
  unitIds: UnitIds.optional(),
  minutes: Text.optional(),
});
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

/**
 * An agenda item: 听取汇报 names the unit or task force heard (exactly one), 审议 the plan under
 * review, 研究部署 neither.
 */
export const AgendaItemCreate = z
  .strictObject({
    kind: z.enum(AGENDA_KINDS),
    title: Title,
    unitId: Id.optional(),
    bodyId: Id.optional(),
    planId: Id.optional(),
    note: Text.default(''),
  })
  .refine((a) => a.kind !== 'hearing' || (a.unitId === undefined) !== (a.bodyId === undefined), { path: ['unitId'], message: 'hearing' })
  .refine((a) => a.kind === 'hearing' || (a.unitId === undefined && a.bodyId === undefined), { path: ['unitId'], message: 'not_hearing' })
  .refine((a) => (a.kind === 'review') === (a.planId !== undefined), { path: ['planId'], message: 'review' });
export type AgendaItemCreate = z.infer<typeof AgendaItemCreate>;

export const AgendaItemUpdate = z.strictObject({ version: Version, title: Title.optional(), note: Text.optional() });
export type AgendaItemUpdate = z.infer<typeof AgendaItemUpdate>;

/** What a 审议 decided: approve the plan, or send it back with the reason. */
export const AgendaOutcome = z
  .strictObject({ version: Version, outcome: z.enum(REVIEW_OUTCOMES), reason: z.string().trim().max(LIMITS.reason).default('') })
  .refine((o) => o.outcome !== 'returned' || o.reason.length > 0, { path: ['reason'], message: 'required' });
export type AgendaOutcome = z.infer<typeof AgendaOutcome>;

/** A 议定事项: what was decided, the units that own it, the day it is due. */
export const DecisionCreate = z.strictObject({
  content: z.string().trim().min(1).max(LIMITS.text),
  unitIds: UnitIds.min(1),
  deadline: IsoDateString,
});
export type DecisionCreate = z.infer<typeof DecisionCreate>;

export const MeetingStep = z.strictObject({ version: Version.optional() });
export const AgendaParams = z.strictObject({ id: Id, itemId: Id });
/** A removal checks the version the page saw, as every other change of an item does. */
export const AgendaDeleteQuery = z.strictObject({ version: z.coerce.number().int().min(0).max(2_147_483_647).optional() });

export const MeetingListQuery = PageQuery.extend({ kind: z.enum(MEETING_KINDS).optional(), status: z.enum(MEETING_STATUSES).optional() });

const Counts = z.object(Object.fromEntries(LIGHTS.map((l) => [l, z.number()])) as Record<(typeof LIGHTS)[number], z.ZodNumber>);

export const StatusSnapshot = z.object({
  takenAt: z.string(),
  subjectType: z.enum(HEARING_SUBJECTS),
  subjectName: z.string(),
  counts: Counts,
  items: z.array(z.object({ itemType: z.enum(['task', 'target', 'project']), code: z.string(), title: z.string(), light: z.enum(LIGHTS), reasons: z.array(z.string()) })),
  openBlockers: z.number(),
  acceptedReports: z.number(),
});

export const Meeting = z.object({
  id: Id,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  bodyId: Id.nullable(),
  bodyName: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  agendaCount: z.number(),
  decisionCount: z.number(),
  version: z.number(),
});
export type Meeting = z.infer<typeof Meeting>;

export const AgendaItem = z.object({
  id: Id,
  position: z.number(),
  kind: z.enum(AGENDA_KINDS),
  title: z.string(),
  unitId: Id.nullable(),
  bodyId: Id.nullable(),
  /** The unit or task force heard. */
  subjectName: z.string().nullable(),
  planId: Id.nullable(),
  planTitle: z.string().nullable(),
  planStatus: z.string().nullable(),
  snapshot: StatusSnapshot.nullable(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
  note: z.string(),
  version: z.number(),
  /** May the actor record this 审议's outcome now (the plan is under review, the meeting open). */
  mayDecide: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingDetail = Meeting.extend({
  attendees: z.string(),
  minutes: z.string(),
  units: z.array(z.object({ id: Id, name: z.string() })),
  agenda: z.array(AgendaItem),
  /** The 议定事项, each tracked to reply with its light. */
  decisions: z.array(Dispatch.extend({ unitNames: z.array(z.string()) })),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
