import { z } from 'zod';
import { CLAIM_WORKDAYS } from '../claims.js';
import { LIMITS } from '../limits.js';
import { CLAIM_STATUSES, TASK_UNIT_ROLES } from '../work.js';
import { IsoDateString } from './calendar.js';
import { Id, Name, PageQuery, Version } from './common.js';
import { Reason } from './work.js';

/**
 * 认领: the unit states its measures (落实举措) and its own milestones. `unitId` picks the unit when
 * the user speaks for more than one of the task's units; `version` is that unit's claim version.
 */
export const ClaimBody = z.strictObject({
  version: Version,
  unitId: Id.optional(),
  measures: z.string().trim().min(1).max(LIMITS.text),
  milestones: z.array(z.strictObject({ name: Name, due: IsoDateString })).max(50).default([]),
});
export const ClaimStep = z.strictObject({ version: Version, unitId: Id.optional() });
export const ClaimReturn = z.strictObject({ version: Version, unitId: Id.optional(), reason: Reason });

/** 认领情况表: every unit's share of the tasks, filtered as the task list is, as a workbook. */
export const ClaimExportQuery = z.strictObject({
  plan: Id.optional(),
  unit: Id.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  role: z.enum(TASK_UNIT_ROLES).optional(),
});

export const UnclaimedQuery = PageQuery.extend({
  /** Workdays allowed after assignment (China's calendar, with local overrides). */
  workdays: z.coerce.number().int().min(0).max(120).default(CLAIM_WORKDAYS),
  plan: Id.optional(),
  unit: Id.optional(),
});

/** A unit that has not claimed its task within the allowed workdays. */
export const UnclaimedItem = z.object({
  taskId: Id,
  taskCode: z.string(),
  taskTitle: z.string(),
  planId: Id,
  unitId: Id,
  unitName: z.string(),
  role: z.enum(TASK_UNIT_ROLES),
  assignedAt: z.string(),
  /** The last day the claim was due. */
  claimDue: z.string(),
  overdueWorkdays: z.number(),
});
