import { z } from 'zod';
import { LIGHTS } from '../lights.js';
import { BLOCKER_LEVELS, CLAIM_STATUSES, ITEM_TYPES, REPORT_STATUSES, TASK_UNIT_ROLES } from '../work.js';
import { Id } from './common.js';
import { UnclaimedItem } from './claim.js';
import { LightReasonText } from './report.js';

/** A task, target or project as a workbench line: what it is, its light and why. */
export const WorkItem = z.object({
  itemType: z.enum(ITEM_TYPES),
  itemId: Id,
  code: z.string(),
  title: z.string(),
  light: z.enum(LIGHTS),
  lightReasons: z.array(LightReasonText),
  /** The date that matters for this line: deadline, next due date or the report's due date. */
  due: z.string().nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const ClaimLine = WorkItem.extend({
  role: z.enum(TASK_UNIT_ROLES),
  claimStatus: z.enum(CLAIM_STATUSES),
  returnReason: z.string().nullable(),
  /** For a claim still to make: the day it is due (domain/claims.ts) and the workdays it is late (0 when not yet). */
  claimDue: z.string().nullable(),
  claimLateWorkdays: z.number().nullable(),
});
export const ToReportLine = WorkItem.extend({ period: z.string() });
export const ReportLine = WorkItem.extend({
  reportId: Id,
  unitId: Id,
  unitName: z.string().nullable(),
  period: z.string(),
  status: z.enum(REPORT_STATUSES),
  late: z.boolean(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type ReportLine = z.infer<typeof ReportLine>;

export const LightCounts = z.object(Object.fromEntries(LIGHTS.map((l) => [l, z.number()])) as Record<(typeof LIGHTS)[number], z.ZodNumber>);
export type LightCounts = z.infer<typeof LightCounts>;

export const UnitWorkbenchQuery = z.strictObject({ unit: Id.optional() });

/** A unit's "my work". Lists hold the first 50 lines; counts hold the totals. */
export const UnitWorkbench = z.object({
  unitId: Id,
  unitName: z.string().nullable(),
  toClaim: z.array(ClaimLine),
  /** Claims the unit's liaison has submitted: the unit head approves or returns them. */
  claimsToApprove: z.array(ClaimLine),
  toReport: z.array(ToReportLine),
  returned: z.array(ReportLine),
  dueSoon: z.array(WorkItem),
  overdue: z.array(WorkItem),
  counts: z.object({ toClaim: z.number(), claimsToApprove: z.number(), toReport: z.number(), returned: z.number(), dueSoon: z.number(), overdue: z.number() }),
});

/** A task force's queue: approved reports on its plans' items, and its tasks' lights. */
export const TaskForceWorkbench = z.object({
  toReview: z.array(ReportLine),
  counts: z.object({ toReview: z.number(), tasks: LightCounts }),
});

/** The leading group's first page: the worst items with their reasons, and what waits for its decision. */
export const LeaderWorkbench = z.object({
  worst: z.array(WorkItem),
  counts: z.object({ red: z.number(), yellow: z.number(), leadingGroupBlockers: z.number() }),
});

export const HqWorkbench = z.object({
  toAccept: z.array(ReportLine),
  /** Approved reports on items whose plan has no task force: the HQ office reviews them itself. */
  toReview: z.array(ReportLine),
  /** Units late with their claims (the first 50): `counts.unclaimedTasks` is this list's length in full. */
  unclaimed: z.array(UnclaimedItem),
  counts: z.object({
    toAccept: z.number(),
    toReview: z.number(),
    unclaimedTasks: z.number(),
    tasks: LightCounts,
    targets: LightCounts,
    projects: LightCounts,
    openBlockers: z.object(Object.fromEntries(BLOCKER_LEVELS.map((l) => [l, z.number()])) as Record<(typeof BLOCKER_LEVELS)[number], z.ZodNumber>),
  }),
});
