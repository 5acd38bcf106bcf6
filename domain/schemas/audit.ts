import { z } from 'zod';
import { AUDIT_CATEGORIES } from '../auditCategories.js';
import { LIMITS } from '../limits.js';
import { Id } from './common.js';

export const AuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(LIMITS.perPageMax).default(50),
  actor: z.string().trim().max(LIMITS.account).optional(),
  action: z.string().trim().max(80).optional(),
  entity: z.string().trim().max(80).optional(),
  entityId: z.string().trim().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Refusals, sign-ins, reads, administration, the system's records or the program's work (domain/auditCategories.ts). */
  category: z.enum(AUDIT_CATEGORIES).optional(),
});

export const AuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  actorId: Id.nullable(),
  actorAccount: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  category: z.enum(AUDIT_CATEGORIES),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The actor's name, the named item the record is about, and the whole as a sentence in the request's language. */
  actorName: z.string().nullable(),
  subject: z.string().nullable(),
  sentence: z.string(),
  /** For a sign-in: the session it opened (a prefix of the session's id, never its token). */
  session: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
  prevHash: z.string(),
});

export const AuditVerifyResult = z.object({
  data: z.object({
    intact: z.boolean(),
    checked: z.number(),
    firstBrokenId: z.string().nullable(),
    reason: z.string().nullable(),
    /** How many keyed checkpoints (kept outside the database) the chain passes through; absent when the server keeps none. */
    checkpointsMatched: z.number().optional(),
  }),
});

export const AuditActors = z.object({ data: z.array(z.object({ account: z.string(), name: z.string().nullable() })) });
