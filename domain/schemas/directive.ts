import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { IsoDateString } from './calendar.js';
import { Dispatch } from './dispatch.js';
import { Id, Name, PageQuery } from './common.js';

/** Most points one directive is broken into, and units one point goes to. */
export const DIRECTIVE_MAX_POINTS = 30;
export const DIRECTIVE_MAX_UNITS = 500;

/** One point of a directive: what is to be done, by which units, by when. */
export const DirectivePoint = z.strictObject({
  content: z.string().trim().min(1).max(LIMITS.text),
  unitIds: z
    .array(Id)
    .min(1)
    .max(DIRECTIVE_MAX_UNITS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate unit' }),
  deadline: IsoDateString,
});
export type DirectivePoint = z.infer<typeof DirectivePoint>;

/** A directive as the office registers it, with the points it breaks it into (more may follow). */
export const DirectiveCreate = z.strictObject({
  source: Name,
  docNo: z.string().trim().max(LIMITS.name).default(''),
  title: z.string().trim().min(1).max(200),
  receivedOn: IsoDateString,
  body: z.string().trim().max(LIMITS.text).default(''),
  points: z.array(DirectivePoint).max(DIRECTIVE_MAX_POINTS).default([]),
});
export type DirectiveCreate = z.infer<typeof DirectiveCreate>;

export const DirectiveListQuery = PageQuery;

export const Directive = z.object({
  id: Id,
  source: z.string(),
  docNo: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  pointCount: z.number(),
  /** Points whose every unit has replied. */
  answeredPointCount: z.number(),
  version: z.number(),
});
export type Directive = z.infer<typeof Directive>;

export const DirectiveDetail = Directive.extend({
  body: z.string(),
  createdByName: z.string().nullable(),
  points: z.array(Dispatch.extend({ unitNames: z.array(z.string()) })),
});
export type DirectiveDetail = z.infer<typeof DirectiveDetail>;
