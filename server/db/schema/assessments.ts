import { sql } from 'drizzle-orm';
import { index, integer, json, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Indicator, SchemeRules } from '../../../domain/scoring/scheme.js';
import type { RankedUnit } from '../../../domain/scoring/rank.js';
import { now as clockNow } from '../../clock.js';
import { orgUnits, regions } from './org.js';

/**
 * 考核方案: one per year and unit category. Its indicators and rules are versioned: a change makes
 * the next `schemeVersion` (kept in `assessment_scheme_versions`), and each result names the
 * version it was computed under.
 */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
    rules: jsonb('rules').$type<SchemeRules>().notNull(),
    /** The region it belongs to (the region seal, issue 25): its maker's at creation. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    schemeVersion: integer('scheme_version').notNull().default(1),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    version: integer('version').notNull().default(0),
  },
  // One per year and category in each region.
  (t) => [uniqueIndex('assessment_schemes_region_year_category').on(t.regionId, t.year, t.category)],
);

/** Every version of a scheme's indicators and rules, as it was. */
export const assessmentSchemeVersions = pgTable(
  'assessment_scheme_versions',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id, { onDelete: 'cascade' }),
    schemeVersion: integer('scheme_version').notNull(),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
    rules: jsonb('rules').$type<SchemeRules>().notNull(),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.schemeVersion] })],
);

/**
 * A computed result for one period, frozen as computed; its units are rows of
 * `assessment_result_units`, written in the same transaction. Computing again makes the next revision; publishing marks one revision published and the one
 * published before it superseded, so a republished result keeps its history.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    period: text('period').notNull(),
    revision: integer('revision').notNull(),
    schemeVersion: integer('scheme_version').notNull(),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
    rules: jsonb('rules').$type<SchemeRules>().notNull(),
    /** The day the facts were read up to (Asia/Shanghai). */
    asOf: text('as_of').notNull(),
    /** computed → published → superseded (by a later published revision). */
    status: text('status').notNull().default('computed'),
    computedById: uuid('computed_by_id'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    publishedById: uuid('published_by_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The last day a unit may appeal (N workdays after publishing). */
    appealDeadline: text('appeal_deadline'),
  },
  (t) => [uniqueIndex('assessment_results_revision').on(t.schemeId, t.period, t.revision), index('assessment_results_status').on(t.status, t.publishedAt)],
);

/**
 * What the assessor enters: a unit's 领导评价 (0–100, kind `evaluation`) or a 加分/扣分 item (kind
 * `bonus`/`deduction`, points positive) with its reason and evidence. Bonus and deduction items count
 * once approved by an assessor other than who entered them.
 */
export const assessmentAdjustments = pgTable(
  'assessment_adjustments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    period: text('period').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').notNull(),
    points: numeric('points', { precision: 6, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    evidenceSha256: text('evidence_sha256'),
    status: text('status').notNull().default('proposed'),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    approvedById: uuid('approved_by_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('assessment_adjustments_scheme').on(t.schemeId, t.period)],
);

/** 申诉: a unit contests its published result within N workdays; an assessor who did not file it decides. */
export const assessmentAppeals = pgTable(
  'assessment_appeals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    resultId: uuid('result_id')
      .notNull()
      .references(() => assessmentResults.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The indicator contested, or null for the result as a whole. */
    indicator: text('indicator'),
    reason: text('reason').notNull(),
    evidenceSha256: text('evidence_sha256'),
    /** open → upheld (the assessor corrects and recomputes) or rejected. */
    status: text('status').notNull().default('open'),
    reply: text('reply'),
    filedById: uuid('filed_by_id').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(clockNow),
    decidedById: uuid('decided_by_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The revision recomputed and republished from this upheld appeal, if it was. */
    republishedResultId: uuid('republished_result_id'),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('assessment_appeals_result').on(t.resultId), index('assessment_appeals_status').on(t.status, t.filedAt)],
);

/**
 * One unit of a computed result, frozen with it: what the ranking lists (rank, total, grade, honour,
 * each indicator's points) in columns of its own, and the unit's whole breakdown down to the facts
 * apart, so that a ranking, the portal or one unit's 考核结果 never read every unit's facts.
 */
export const assessmentResultUnits = pgTable(
  'assessment_result_units',
  {
    resultId: uuid('result_id')
      .notNull()
      .references(() => assessmentResults.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    /** The unit's place in the ranking as computed (ties by name, the unranked last). */
    position: integer('position').notNull(),
    unitName: text('unit_name').notNull(),
    rank: integer('rank'),
    total: numeric('total', { precision: 7, scale: 2 }).notNull(),
    grade: text('grade'),
    honour: text('honour'),
    /** Each indicator's points, 加分 and 扣分: the ranking's columns. */
    line: jsonb('line').$type<ResultUnitLine>().notNull(),
    /**
     * json, not jsonb: written once per compute (all units: ~18 MB for the bench district) and only
     * ever read whole, never searched inside; PostgreSQL stores json as the text it was sent, where
     * jsonb would parse it into its binary form (three times the time of the write). Compressed
     * with lz4 on a server that has it (migration 0046).
     */
    breakdown: json('breakdown').$type<RankedUnit>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.unitId] }), index('assessment_result_units_unit').on(t.unitId)],
);

export interface ResultUnitLine {
  indicators: { kind: Indicator['kind']; points: string }[];
  bonus: string;
  deduction: string;
}
