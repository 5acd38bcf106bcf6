import { z } from 'zod';
import { BULLETIN_STATUSES } from '../bulletin.js';
import { LIMITS } from '../limits.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';
import { rule } from './ruleMessages.js';

const Heading = z.string().trim().min(1).max(100);
const Paragraphs = z.array(z.string().trim().max(LIMITS.text)).max(200);
const Line = z.string().trim().max(500);

export const BulletinSubsection = z.strictObject({ heading: Heading, paragraphs: Paragraphs });
/** 一、heading, its paragraphs, then its （一） subsections. */
export const BulletinSection = z.strictObject({ heading: Heading, paragraphs: Paragraphs, subsections: z.array(BulletinSubsection).max(30).default([]) });
export type BulletinSectionInput = z.input<typeof BulletinSection>;

/** 督通〔2026〕3号: a prefix, the year in 〔〕, a number and 号. */
export const DocNumber = z.string().trim().max(50).regex(/^[^〔〕]{0,20}〔\d{4}〕\d{1,4}号$/, rule('docNumber'));

const periodOk = (p: { periodFrom: string; periodTo: string }) => p.periodFrom <= p.periodTo;

/** A new draft for a period (and optionally one campaign): the server writes its text from the ledger and the lights. */
export const BulletinCreate = z
  .strictObject({ periodFrom: IsoDateString, periodTo: IsoDateString, inspectionId: Id.nullish() })
  .refine(periodOk, { path: ['periodTo'], message: 'range' });
export type BulletinCreate = z.infer<typeof BulletinCreate>;

/** An edit of a draft: what is given replaces what was; `version` as read. */
export const BulletinUpdate = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  docNumber: DocNumber.optional(),
  issuer: z.string().trim().min(1).max(100).optional(),
  issueDate: IsoDateString.optional(),
  sections: z.array(BulletinSection).max(30).optional(),
  /** 抄送: the bodies a copy goes to. */
  cc: Line.optional(),
  /** 印发机关 of the 印发 line. */
  printer: z.string().trim().max(100).optional(),
  version: Version,
});
export type BulletinUpdate = z.infer<typeof BulletinUpdate>;

export const BulletinIssue = z.strictObject({ version: Version.optional() });

export const BulletinListQuery = PageQuery.extend({ status: z.enum(BULLETIN_STATUSES).optional() });

export const Bulletin = z.object({
  id: Id,
  inspectionId: Id.nullable(),
  inspectionTitle: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  issueDate: z.string(),
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()), subsections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })) })),
  cc: z.string(),
  printer: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  /** SHA-256 of the issued .docx (null for a draft). */
  sha256: z.string().nullable(),
  createdById: Id.nullable(),
  createdAt: z.string(),
  issuedById: Id.nullable(),
  issuedAt: z.string().nullable(),
  version: z.number(),
});
export type Bulletin = z.infer<typeof Bulletin>;
