import { z } from 'zod';
import { FEED_KINDS } from '../feed.js';
import { LIGHT_MOVES } from '../feedLights.js';
import { LIGHTS } from '../lights.js';
import { LIMITS } from '../limits.js';
import { Id } from './common.js';

/** An audit id: positive, and within PostgreSQL's bigint as JavaScript holds it exactly. */
const AuditId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** What both the page and the stream filter by. */
const FeedFilter = {
  kind: z.enum(FEED_KINDS).optional(),
  area: Id.optional(),
  unit: Id.optional(),
};

/** `GET /api/feed`: newest first; the next page is `before` the last id shown. */
export const FeedQuery = z.strictObject({
  ...FeedFilter,
  before: AuditId.optional(),
  perPage: z.coerce.number().int().min(1).max(LIMITS.perPageMax).default(50),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

/**
 * `GET /api/feed/stream` (Server-Sent Events). `lastEventId` stands in for the Last-Event-ID
 * header (a first connection that already holds a page of the feed). `live=false` sends what was
 * missed and ends, for a client that only catches up.
 */
export const FeedStreamQuery = z.strictObject({
  ...FeedFilter,
  lastEventId: AuditId.optional(),
  live: z.enum(['true', 'false']).default('true'),
});
export type FeedStreamQuery = z.infer<typeof FeedStreamQuery>;

/** An item whose light the event's step changed (its light before the step and after it). */
const LightChangeItem = z.object({
  itemType: z.enum(['task', 'target', 'project']),
  itemId: z.string(),
  code: z.string().nullable(),
  title: z.string().nullable(),
  from: z.enum(LIGHTS),
  to: z.enum(LIGHTS),
  move: z.enum([...LIGHT_MOVES, 'other']),
});

/** 灯色变化: how many items the step turned red or yellow, recovered (to green from red or yellow), finished, or moved otherwise; the worst few named. */
export const LightSummary = z.object({
  red: z.number(),
  yellow: z.number(),
  recovered: z.number(),
  done: z.number(),
  other: z.number(),
  items: z.array(LightChangeItem),
});

export const FeedEvent = z.object({
  /** The audit record's id: monotonic, the SSE event id. */
  id: z.number(),
  at: z.string(),
  kind: z.enum(FEED_KINDS),
  action: z.string(),
  /** What the step was taken on: a report, a blocker, a task (its claim), a plan. */
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The task, target, project or plan it concerns, for the link and the area. */
  itemType: z.string().nullable(),
  itemId: z.string().nullable(),
  itemTitle: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Who did what to which item, in the request's language. */
  sentence: z.string(),
  /** The lights the step changed; null when it changed none (or another event of the same step shows them). */
  lights: LightSummary.nullable(),
});
export type FeedEvent = z.infer<typeof FeedEvent>;

export const FeedPage = z.object({
  data: z.array(FeedEvent),
  /** Pass as `before` for the next page; null when this is the last. */
  next: z.number().nullable(),
  policies: z.record(z.string(), z.boolean()),
});
