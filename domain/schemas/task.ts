import { z } from 'zod';
import { IsoDateString } from './calendar.js';
import { deadlineProblem } from '../deadlines.js';
import { LIGHTS } from '../lights.js';
import { CLAIM_STATUSES, DEADLINE_KINDS, REPORT_PERIODS, TASK_UNIT_ROLES } from '../work.js';
import { Code, Id, Name, PageQuery, Version } from './common.js';
import { LightCounts, LightReason, LongText, Title, Weight } from './work.js';

/** 每月N日前 / 每季度N日前 (quarters: day N of the quarter's first month). */
export const Recurrence = z.strictObject({ every: z.enum(['month', 'quarter']), day: z.number().int().min(1).max(31) });
const Post = z.string().trim().max(100);

export const TaskCreate = z
  .strictObject({
    planId: Id,
    parentId: Id.nullable().optional(),
    code: Code,
    title: Title,
    description: LongText.default(''),
    /** Defaults to the parent's area. */
    areaId: Id.nullable().optional(),
    leadUnitId: Id.nullable().optional(),
    supportUnitIds: z.array(Id).max(50).default([]),
    /** 分管领导, by post (副区长), never by name. */
    responsiblePost: Post.default(''),
    weight: Weight.default('1'),
    startDate: IsoDateString.nullable().optional(),
    deadlineKind: z.enum(DEADLINE_KINDS).default('date'),
    /** The date of a dated task; for a recurring one, the optional end of the recurrence. */
    deadline: IsoDateString.nullable().optional(),
    recurrence: Recurrence.nullable().optional(),
    reportPeriod: z.enum(REPORT_PERIODS).default('monthly'),
    sort: z.number().int().min(0).max(100000).optional(),
  })
  .superRefine((t, ctx) => {
    const p = deadlineProblem(t);
    if (p) ctx.addIssue({ code: 'custom', path: [p.field], message: p.code });
  });

/** The deadline fields are checked together with the stored ones (422 naming the field). */
export const TaskUpdate = z.strictObject({
  version: Version,
  code: Code.optional(),
  title: Title.optional(),
  description: LongText.optional(),
  areaId: Id.nullable().optional(),
  leadUnitId: Id.nullable().optional(),
  supportUnitIds: z.array(Id).max(50).optional(),
  responsiblePost: Post.optional(),
  weight: Weight.optional(),
  startDate: IsoDateString.nullable().optional(),
  deadlineKind: z.enum(DEADLINE_KINDS).optional(),
  deadline: IsoDateString.nullable().optional(),
  recurrence: Recurrence.nullable().optional(),
  reportPeriod: z.enum(REPORT_PERIODS).optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});

export const TASK_SORTS = ['deadline', 'light', 'code', 'progress'] as const;
export const TaskListQuery = PageQuery.extend({
  /** Only this region of the reader's and the regions under it (a drill-down from the dashboard); absent: all of the reader's. */
  region: Id.optional(),
  plan: Id.optional(),
  /** Items of this task force's plans (what it may hold a blocker on). */
  taskForce: Id.optional(),
  area: Id.optional(),
  /** Lead or supporting unit. */
  unit: Id.optional(),
  light: z.enum(LIGHTS).optional(),
  /** Next due date (or deadline) on or before this day. */
  dueBefore: IsoDateString.optional(),
  /** Children of this task. */
  parent: Id.optional(),
  /** Open (not done: a liaison's "my open tasks") or done. */
  status: z.enum(['open', 'done']).optional(),
  sort: z.enum(TASK_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** The task list's filters for its .xlsx export: every matching task, in tree order, so no paging or sort. */
export const TaskExportQuery = TaskListQuery.omit({ page: true, perPage: true, sort: true, order: true });

/** 节点: the task's own milestones, managed by the HQ office. */
export const MilestoneCreate = z.strictObject({
  name: Name,
  due: IsoDateString.nullable().optional(),
  doneOn: IsoDateString.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export const MilestoneUpdate = z.strictObject({
  name: Name.optional(),
  due: IsoDateString.nullable().optional(),
  doneOn: IsoDateString.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export const MilestoneParams = z.strictObject({ id: Id, milestoneId: Id });
export const Milestone = z.object({
  id: Id,
  unitId: Id.nullable(),
  name: z.string(),
  due: z.string().nullable(),
  doneOn: z.string().nullable(),
  sort: z.number(),
});

/** A task in a list: its facts, its stored light with reasons, and its lead unit. */
export const TaskItem = z.object({
  id: Id,
  planId: Id,
  parentId: Id.nullable(),
  path: z.string(),
  depth: z.number(),
  sort: z.number(),
  code: z.string(),
  title: z.string(),
  areaId: Id.nullable(),
  leadUnitId: Id.nullable(),
  leadUnitName: z.string().nullable(),
  responsiblePost: z.string(),
  weight: z.string(),
  startDate: z.string().nullable(),
  deadlineKind: z.enum(DEADLINE_KINDS),
  deadline: z.string().nullable(),
  recurrence: Recurrence.nullable(),
  nextDue: z.string().nullable(),
  reportPeriod: z.enum(REPORT_PERIODS),
  progress: z.string(),
  done: z.boolean(),
  lastReportDate: z.string().nullable(),
  light: z.enum(LIGHTS),
  lightReasons: z.array(LightReason),
  lightAt: z.string().nullable(),
  version: z.number(),
});
export type TaskItem = z.infer<typeof TaskItem>;

/** A unit's share of a task (牵头/配合) and its claim (认领) with its own milestones. */
export const TaskUnit = z.object({
  unitId: Id,
  unitName: z.string(),
  role: z.enum(TASK_UNIT_ROLES),
  claimStatus: z.enum(CLAIM_STATUSES),
  measures: z.string(),
  returnReason: z.string().nullable(),
  assignedAt: z.string(),
  claimedAt: z.string().nullable(),
  claimedById: Id.nullable(),
  approvedAt: z.string().nullable(),
  approvedById: Id.nullable(),
  milestones: z.array(Milestone),
  version: z.number(),
});

export const TaskDetail = TaskItem.extend({
  description: z.string(),
  units: z.array(TaskUnit),
  milestones: z.array(Milestone),
  ancestors: z.array(z.object({ id: Id, code: z.string(), title: z.string() })),
  children: z.array(
    z.object({ id: Id, code: z.string(), title: z.string(), weight: z.string(), progress: z.string(), done: z.boolean(), light: z.enum(LIGHTS), childCount: z.number() }),
  ),
  childLights: LightCounts,
});
