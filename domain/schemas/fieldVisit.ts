import { z } from 'zod';
import { FINDING_OUTCOMES, VISIT_MAX_FINDINGS, VISIT_MAX_PHOTOS } from '../fieldVisits.js';
import { LIMITS } from '../limits.js';
import { ITEM_TYPES } from '../work.js';
import { BLOCKER_CATEGORIES } from './blocker.js';
import { IsoDateString } from './calendar.js';
import { Dispatch } from './dispatch.js';
import { Id, Name, PageQuery, Version } from './common.js';

const Text = z.string().trim().max(LIMITS.text);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A visit as the task force logs it: the day, the place, who went, what it saw, each finding, the photos uploaded for it. */
export const FieldVisitCreate = z.strictObject({
  bodyId: Id,
  visitedOn: IsoDateString,
  place: Name,
  participants: Text.default(''),
  summary: Text.default(''),
  findings: z.array(z.string().trim().min(1).max(LIMITS.text)).max(VISIT_MAX_FINDINGS).default([]),
  photos: z
    .array(z.strictObject({ sha256: Sha256, name: Name }))
    .max(VISIT_MAX_PHOTOS)
    .refine((ps) => new Set(ps.map((p) => p.sha256)).size === ps.length, { message: 'duplicate photo' })
    .default([]),
});
export type FieldVisitCreate = z.infer<typeof FieldVisitCreate>;

/** A finding made a blocker: on which item, what kind of obstacle, what help is asked for. */
export const FindingToBlocker = z.strictObject({
  itemType: z.enum(ITEM_TYPES),
  itemId: Id,
  title: z.string().trim().min(1).max(200),
  category: z.enum(BLOCKER_CATEGORIES).default('other'),
  helpAsked: z.string().trim().max(LIMITS.reason).default(''),
  version: Version.optional(),
});
export type FindingToBlocker = z.infer<typeof FindingToBlocker>;

/** A finding followed up: the units that answer for it, by when. */
export const FindingToFollowUp = z.strictObject({
  unitIds: z
    .array(Id)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate unit' }),
  deadline: IsoDateString,
  version: Version.optional(),
});
export type FindingToFollowUp = z.infer<typeof FindingToFollowUp>;

export const FindingParams = z.strictObject({ id: Id, findingId: Id });
export const FieldVisitListQuery = PageQuery.extend({ bodyId: Id.optional() });

export const Finding = z.object({
  id: Id,
  position: z.number(),
  text: z.string(),
  outcome: z.enum(FINDING_OUTCOMES).nullable(),
  blockerId: Id.nullable(),
  /** The blocker it became, as it stands now. */
  blocker: z.object({ id: Id, title: z.string(), status: z.string(), level: z.string() }).nullable(),
  /** The follow-up it became, tracked to reply. */
  followUp: Dispatch.extend({ unitNames: z.array(z.string()) }).nullable(),
  version: z.number(),
});

export const FieldVisit = z.object({
  id: Id,
  bodyId: Id,
  bodyName: z.string(),
  visitedOn: z.string(),
  place: z.string(),
  participants: z.string(),
  summary: z.string(),
  createdByName: z.string().nullable(),
  findingCount: z.number(),
  openFindingCount: z.number(),
  version: z.number(),
});
export type FieldVisit = z.infer<typeof FieldVisit>;

export const FieldVisitDetail = FieldVisit.extend({
  findings: z.array(Finding),
  photos: z.array(z.object({ sha256: z.string(), name: z.string() })),
});
export type FieldVisitDetail = z.infer<typeof FieldVisitDetail>;
