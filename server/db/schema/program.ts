import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies, orgUnits, regions } from './org.js';
import { now as clockNow } from '../../clock.js';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

/** 三年行动: the multi-year program with a goal per year (year one: 首战告捷). */
export const programs = pgTable('programs', {
  id: id(),
  regionId: uuid('region_id').notNull().references(() => regions.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  /** [{ year, title, description }] */
  yearGoals: jsonb('year_goals').notNull().default([]),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
});

/** 重点领域 */
export const areas = pgTable(
  'areas',
  {
    id: id(),
    programId: uuid('program_id').notNull().references(() => programs.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('areas_program_code').on(t.programId, t.code)],
);

/** "1+6" plans and mechanism plans; versioned, reviewed, approved and published. */
export const plans = pgTable(
  'plans',
  {
    id: id(),
    programId: uuid('program_id').notNull().references(() => programs.id),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull().default('draft'),
    taskForceId: uuid('task_force_id').references(() => bodies.id),
    leadUnitId: uuid('lead_unit_id').references(() => orgUnits.id),
    currentVersionNo: integer('current_version_no').notNull().default(1),
    approvedById: uuid('approved_by_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The meeting decision that approved it (议定事项), when there is one. */
    decisionRef: text('decision_ref'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [uniqueIndex('plans_program_code').on(t.programId, t.code), index('plans_task_force').on(t.taskForceId)],
);

export const planVersions = pgTable(
  'plan_versions',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [uniqueIndex('plan_versions_plan_no').on(t.planId, t.versionNo)],
);

export const planAreas = pgTable(
  'plan_areas',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.areaId] })],
);
