import { z } from 'zod';
import { PLAN_KINDS, PLAN_STATUSES } from '../work.js';
import { Code, Id, PageQuery, Version } from './common.js';
import { LightCounts, LongText, Reason, Title } from './work.js';

export const PlanCreate = z.strictObject({
  programId: Id,
  kind: z.enum(PLAN_KINDS),
  code: Code,
  title: Title,
  summary: LongText.default(''),
  /** The 专项推进组 that owns a special plan: a body of kind task_force. */
  taskForceId: Id.nullable().optional(),
  leadUnitId: Id.nullable().optional(),
  areaIds: z.array(Id).max(50).default([]),
});
/** Editable in draft only. */
export const PlanUpdate = z.strictObject({
  version: Version,
  kind: z.enum(PLAN_KINDS).optional(),
  code: Code.optional(),
  title: Title.optional(),
  summary: LongText.optional(),
  taskForceId: Id.nullable().optional(),
  leadUnitId: Id.nullable().optional(),
  areaIds: z.array(Id).max(50).optional(),
});
export const PlanApprove = z.strictObject({ version: Version, decisionRef: z.string().trim().min(1).max(200).optional() });
export const PlanReturn = z.strictObject({ version: Version, reason: Reason });

export const PlanListQuery = PageQuery.extend({
  program: Id.optional(),
  kind: z.enum(PLAN_KINDS).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});

export const Plan = z.object({
  id: Id,
  programId: Id,
  kind: z.enum(PLAN_KINDS),
  code: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(PLAN_STATUSES),
  taskForceId: Id.nullable(),
  taskForceName: z.string().nullable(),
  leadUnitId: Id.nullable(),
  leadUnitName: z.string().nullable(),
  areas: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
  /** The version under review, approved or published (plan_versions.version_no). */
  currentVersionNo: z.number(),
  approvedById: Id.nullable(),
  /** Who approved it, by post. */
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  decisionRef: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

/** One plan with why it was last sent back (while in draft) and its tasks' lights. */
export const PlanDetail = Plan.extend({
  lastReturn: z.object({ reason: z.string(), at: z.string() }).nullable(),
  taskLights: LightCounts,
  targetLights: LightCounts,
  projectLights: LightCounts,
});

export const PlanVersion = z.object({
  id: Id,
  versionNo: z.number(),
  title: z.string(),
  summary: z.string(),
  createdById: Id.nullable(),
  createdAt: z.string(),
});
