import { z } from 'zod';
import { NOTICE_COLOURS, NOTICE_KINDS, NOTICE_STATUSES, NOTICE_SUBJECTS } from '../notices.js';
import { LIMITS } from '../limits.js';
import { IsoDateString } from './calendar.js';
import { Id, PageQuery, Version } from './common.js';

/**
 * A 催办单/督办单 to the unit answerable for a late ledger entry or an overdue item: its kind and
 * colour follow from the workdays late (domain/notices.ts); the inspector may add words and the day
 * a reply is due.
 */
export const NoticeCreate = z.strictObject({
  subject: z.strictObject({ type: z.enum(NOTICE_SUBJECTS), id: Id }),
  /** The inspector's own words, after the generated ones. */
  note: z.string().trim().max(LIMITS.text).default(''),
  /** 反馈时限: 3 workdays ahead when not given. */
  replyBy: IsoDateString.optional(),
});
export type NoticeCreate = z.infer<typeof NoticeCreate>;

export const NoticeAcknowledge = z.strictObject({ version: Version.optional() });

export const NoticeListQuery = PageQuery.extend({
  unit: Id.optional(),
  kind: z.enum(NOTICE_KINDS).optional(),
  colour: z.enum(NOTICE_COLOURS).optional(),
  status: z.enum(NOTICE_STATUSES).optional(),
  /** Notices about this subject (a ledger entry's page lists its own). */
  subjectId: Id.optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const Notice = z.object({
  id: Id,
  kind: z.enum(NOTICE_KINDS),
  colour: z.enum(NOTICE_COLOURS),
  docNumber: z.string(),
  unitId: Id,
  unitName: z.string().nullable(),
  subjectType: z.enum(NOTICE_SUBJECTS),
  subjectId: Id,
  subjectTitle: z.string(),
  /** Workdays late when it was issued. */
  workdaysLate: z.number(),
  /** The deadline that passed (an item late on a milestone or a claim may have none of its own). */
  deadline: z.string().nullable(),
  content: z.string(),
  note: z.string(),
  replyBy: z.string(),
  status: z.enum(NOTICE_STATUSES),
  issuedById: Id.nullable(),
  issuedAt: z.string(),
  acknowledgedById: Id.nullable(),
  acknowledgedAt: z.string().nullable(),
  version: z.number(),
});
export type Notice = z.infer<typeof Notice>;
