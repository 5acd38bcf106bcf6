import { z } from 'zod';
import { COMPLAINT_ENVIRONMENTS, COMPLAINT_STATUSES, isContact } from '../complaints.js';
import { LIMITS } from '../limits.js';
import { Id } from './common.js';
import { Evidence, Sha256 } from './evidence.js';
import { rule } from './ruleMessages.js';

/**
 * 营商环境投诉 as filed on the public form (no login). `website` is the honeypot: hidden from
 * people, filled in by simple bots; a filled one is answered like a success and nothing is stored.
 */
export const ComplaintCreate = z.strictObject({
  enterprise: z.string().trim().min(1).max(100),
  contactPerson: z.string().trim().min(1).max(50),
  contact: z.string().trim().min(1).max(100).refine(isContact, rule('contact')),
  environment: z.enum(COMPLAINT_ENVIRONMENTS),
  /** The unit complained about, chosen from the list or named in words; both optional. */
  unitId: Id.optional(),
  unitName: z.string().trim().max(100).optional(),
  description: z.string().trim().min(10).max(LIMITS.text),
  website: z.string().max(200).optional(),
});
export type ComplaintCreate = z.infer<typeof ComplaintCreate>;

export const ComplaintReceipt = z.object({ trackingCode: z.string() });
export type ComplaintReceipt = z.infer<typeof ComplaintReceipt>;

/** The tracking code in the address, as typed (dashes and case do not matter). */
export const TrackingParams = z.strictObject({ trackingCode: z.string().max(40) });

/** What the complainant may see: never the case, its notes or the contact details. */
export const ComplaintPublicView = z.object({
  trackingCode: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  environment: z.enum(COMPLAINT_ENVIRONMENTS),
  submittedOn: z.string(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
});
export type ComplaintPublicView = z.infer<typeof ComplaintPublicView>;

/** 公开答复: the words the complainant reads by the tracking code. */
export const PublicReply = z.strictObject({ reply: z.string().trim().min(1).max(LIMITS.text) });
export type PublicReply = z.infer<typeof PublicReply>;

/** A file a complaint came with: named by its SHA-256 in the evidence store, shown by the name it was sent with. */
export const ComplaintFile = Evidence;
export type ComplaintFile = z.infer<typeof ComplaintFile>;

/** One of a case's complaint files, in the address of its download. */
export const CaseFileParams = z.strictObject({ id: Id, sha256: Sha256 });

/** The complaint behind a case, as the oversight role reads it (contact details included). */
export const CaseComplaint = z.object({
  id: Id,
  trackingCode: z.string(),
  enterprise: z.string(),
  contactPerson: z.string(),
  contact: z.string(),
  environment: z.enum(COMPLAINT_ENVIRONMENTS),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The photos and PDFs it came with, in the order attached. */
  files: z.array(ComplaintFile),
});
export type CaseComplaint = z.infer<typeof CaseComplaint>;
