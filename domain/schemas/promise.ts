import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { PROMISE_STATES, PROMISE_STATUSES, REQUEST_STATUSES, RESPONSE_WORKDAYS, RESPONSE_WORKDAYS_MAX } from '../promises.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';
import { Evidence, EvidenceRef } from './evidence.js';

const Words = z.string().trim().min(1).max(LIMITS.text);
const Enterprise = z.string().trim().min(1).max(LIMITS.name);

/**
 * 书面说明: what the oversight role asks a unit, in words written for the unit (never the case's
 * own text), the enterprise concerned if any, and how many workdays it has.
 */
export const ResponseRequestCreate = z.strictObject({
  unitId: Id,
  text: Words,
  enterprise: Enterprise.optional(),
  workdays: z.number().int().min(1).max(RESPONSE_WORKDAYS_MAX).default(RESPONSE_WORKDAYS),
});
export type ResponseRequestCreate = z.infer<typeof ResponseRequestCreate>;

/** A promise the unit makes in its answer: to which enterprise, what, by when. */
export const PromiseDraft = z.strictObject({ enterprise: Enterprise, content: Words, deadline: IsoDateString });
export type PromiseDraft = z.infer<typeof PromiseDraft>;

/** The unit's written answer (a draft until the head sends it), its evidence and the promises it makes. */
export const ResponseDraft = z.strictObject({
  answer: Words,
  evidence: z.array(EvidenceRef).max(20).default([]),
  promises: z.array(PromiseDraft).max(20).default([]),
  version: Version.optional(),
});
export type ResponseDraft = z.infer<typeof ResponseDraft>;

/** The head signs and sends: with a body, the answer written (or amended) at once. */
export const ResponseSend = z.strictObject({
  answer: Words.optional(),
  evidence: z.array(EvidenceRef).max(20).optional(),
  promises: z.array(PromiseDraft).max(20).optional(),
  version: Version.optional(),
});
export type ResponseSend = z.infer<typeof ResponseSend>;

export const ResponseRequestListQuery = PageQuery.extend({ status: z.enum(REQUEST_STATUSES).optional() });
export type ResponseRequestListQuery = z.infer<typeof ResponseRequestListQuery>;

/** A request as its unit (and the asker) reads it: nothing about where it came from. */
export const ResponseRequest = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string().nullable(),
  text: z.string(),
  enterprise: z.string().nullable(),
  deadline: z.string(),
  overdue: z.boolean(),
  status: z.enum(REQUEST_STATUSES),
  answer: z.string().nullable(),
  evidence: z.array(Evidence),
  draftPromises: z.array(PromiseDraft),
  requestedAt: z.string(),
  draftedById: Id.nullable(),
  draftedByName: z.string().nullable(),
  draftedAt: z.string().nullable(),
  answeredById: Id.nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number(),
});
export type ResponseRequest = z.infer<typeof ResponseRequest>;

export const PromiseKeep = z.strictObject({ note: Words, evidence: z.array(EvidenceRef).max(20).default([]), version: Version.optional() });
export type PromiseKeep = z.infer<typeof PromiseKeep>;
export const PromiseBreak = z.strictObject({ reason: Words, version: Version.optional() });
export type PromiseBreak = z.infer<typeof PromiseBreak>;

export const PromiseListQuery = PageQuery.extend({ state: z.enum(PROMISE_STATES).optional(), unit: Id.optional(), request: Id.optional() });
export type PromiseListQuery = z.infer<typeof PromiseListQuery>;

export const PromiseRecord = z.object({
  id: Id,
  requestId: Id.nullable(),
  unitId: Id,
  unitName: z.string().nullable(),
  enterprise: z.string(),
  content: z.string(),
  deadline: z.string(),
  status: z.enum(PROMISE_STATUSES),
  state: z.enum(PROMISE_STATES),
  overdue: z.boolean(),
  keptNote: z.string().nullable(),
  keptAt: z.string().nullable(),
  brokenReason: z.string().nullable(),
  brokenAt: z.string().nullable(),
  evidence: z.array(Evidence),
  createdAt: z.string(),
  version: z.number(),
});
export type PromiseRecord = z.infer<typeof PromiseRecord>;

/** The ledger's counts by shown state (the leader's red/green figure). */
export const PromiseSummary = z.object({ pending: z.number(), overdue: z.number(), kept: z.number(), broken: z.number() });
export type PromiseSummary = z.infer<typeof PromiseSummary>;

/** A request as the oversight role reads it on the case page: the unit's view, and the promises its answer made, as they stand. */
export const CaseResponseRequest = ResponseRequest.extend({ promises: z.array(PromiseRecord) });
export type CaseResponseRequest = z.infer<typeof CaseResponseRequest>;
