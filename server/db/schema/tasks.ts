import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { areas, plans } from './program.js';
import { now as clockNow } from '../../clock.js';

/**
 * 任务/举措: a tree under a plan. `path` lists the ancestors' ids (a.b.c) so a subtree is one
 * prefix query. Light, progress and next due date are kept current when facts change, and indexed,
 * so lists never recompute them from history.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    sort: integer('sort').notNull().default(0),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    areaId: uuid('area_id').references(() => areas.id),
    leadUnitId: uuid('lead_unit_id').references(() => orgUnits.id),
    /** 分管领导, by post (区委常委、副区长), never a name. */
    responsiblePost: text('responsible_post').notNull().default(''),
    weight: numeric('weight', { precision: 10, scale: 4 }).notNull().default('1'),
    startDate: text('start_date'),
    deadlineKind: text('deadline_kind').notNull().default('date'),
    deadline: text('deadline'),
    /** { every: 'month' | 'quarter', day: 10 } for 每月10日前 */
    recurrence: jsonb('recurrence'),
    reportPeriod: text('report_period').notNull().default('monthly'),
    progress: numeric('progress', { precision: 5, scale: 2 }).notNull().default('0'),
    done: boolean('done').notNull().default(false),
    nextDue: text('next_due'),
    lastReportDate: text('last_report_date'),
    light: text('light').notNull().default('not_started'),
    lightReasons: jsonb('light_reasons').notNull().default([]),
    lightAt: timestamp('light_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [
    // The roll-ups count tasks by plan, area and light across a whole region (a province: 30,000
    // tasks of rows ~1.4 KB wide): with the id too, they read this index alone, not the table.
    // It serves lookups by plan as tasks_plan did.
    index('tasks_rollup').on(t.planId, t.areaId, t.light, t.id),
    // The dashboard's overdue panel: the few tasks whose light says overdue, without reading the rest.
    index('tasks_overdue').on(t.planId).where(sql`${t.lightReasons} @> '[{"code":"overdue"}]'::jsonb`),
    index('tasks_parent').on(t.parentId),
    index('tasks_path').on(t.path),
    index('tasks_lead_unit').on(t.leadUnitId),
    index('tasks_light').on(t.light),
    index('tasks_next_due').on(t.nextDue),
    index('tasks_area').on(t.areaId),
  ],
);

/** A unit's share of a task: lead (牵头) or support (配合), and its claim (认领) with measures. */
export const taskUnits = pgTable(
  'task_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    role: text('role').notNull(),
    claimStatus: text('claim_status').notNull().default('unclaimed'),
    measures: text('measures').notNull().default(''),
    returnReason: text('return_reason'),
    /** When the unit head last sent the claim back: the reminders give the unit its days to claim again from it (migration 0039). */
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimedById: uuid('claimed_by_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedById: uuid('approved_by_id'),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_units_unit_status').on(t.unitId, t.claimStatus)],
);

/** 节点: the task's own milestones (unitId null) and a unit's claim milestones. */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id'),
    name: text('name').notNull(),
    due: text('due'),
    doneOn: text('done_on'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('milestones_task').on(t.taskId)],
);
