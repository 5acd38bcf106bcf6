import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { areas, plans } from './program.js';

/** 目标/指标: exact decimals (numeric) end to end; the API carries them as strings. */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    areaId: uuid('area_id').references(() => areas.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    measureUnit: text('measure_unit').notNull(),
    baseline: numeric('baseline', { precision: 20, scale: 4 }).notNull(),
    direction: text('direction').notNull(),
    dataUnitId: uuid('data_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    period: text('period').notNull(),
    trajectoryKind: text('trajectory_kind').notNull().default('linear'),
    /** How its figures add up: level (时点值), cumulative (累计值, year to date) or periodic (当期值). */
    accumulation: text('accumulation').notNull().default('level'),
    light: text('light').notNull().default('not_started'),
    lightReasons: jsonb('light_reasons').notNull().default([]),
    lightAt: timestamp('light_at', { withTimezone: true }),
    /** This year's and the first year's verdicts (domain/targetOutlook.ts TargetVerdicts), stored with the light. */
    outlook: jsonb('outlook'),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('targets_plan').on(t.planId), index('targets_light').on(t.light), index('targets_data_unit').on(t.dataUnitId)],
);

export const targetGoals = pgTable(
  'target_goals',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    goal: numeric('goal', { precision: 20, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.year] })],
);

/** Entered trajectory points (a linear trajectory is computed, not stored). */
export const targetTrajectory = pgTable(
  'target_trajectory',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    expected: numeric('expected', { precision: 20, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.period] })],
);

/** Accepted actual values per period (written when the HQ office accepts a report). */
export const targetActuals = pgTable(
  'target_actuals',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    reportId: uuid('report_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.period] })],
);
