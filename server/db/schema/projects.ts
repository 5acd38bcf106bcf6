import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { areas, plans } from './program.js';

/** 重点项目: money in 万元 as numeric(18,2), never floating point. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id').references(() => plans.id),
    areaId: uuid('area_id').references(() => areas.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ownerEnterprise: text('owner_enterprise').notNull().default(''),
    location: text('location').notNull().default(''),
    responsibleUnitId: uuid('responsible_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    totalInvestment: numeric('total_investment', { precision: 18, scale: 2 }).notNull(),
    stage: text('stage').notNull().default('planning'),
    /** { planning, signed, started, building, operating }: planned and actual dates per stage. */
    stageDates: jsonb('stage_dates').notNull().default({}),
    lastReportDate: text('last_report_date'),
    light: text('light').notNull().default('not_started'),
    lightReasons: jsonb('light_reasons').notNull().default([]),
    lightAt: timestamp('light_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('projects_unit').on(t.responsibleUnitId), index('projects_light').on(t.light), index('projects_plan').on(t.planId)],
);

export const projectYearPlans = pgTable(
  'project_year_plans',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    planned: numeric('planned', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);

/** Investment done per month (accepted reports). */
export const projectMonths = pgTable(
  'project_months',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    done: numeric('done', { precision: 18, scale: 2 }).notNull(),
    reportId: uuid('report_id'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.month] })],
);
