import { z } from 'zod';
import { LIGHTS } from '../lights.js';
import { DIRECTIONS, TARGET_ACCUMULATIONS, TARGET_PERIODS } from '../work.js';
import { Code, Id, Name, PageQuery, Version } from './common.js';
import { rule } from './ruleMessages.js';
import { Light, LightReason, TargetValue, Year } from './work.js';

/** A month (2026-05) or a quarter (2026-Q2). */
export const PeriodKey = z.string(rule('targetPeriod')).regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, rule('targetPeriod'));
export const MeasureUnit = z.string().trim().min(1).max(20);

export const TargetGoal = z.strictObject({ year: Year, goal: TargetValue });
const Goals = z
  .array(TargetGoal)
  .min(1)
  .max(10)
  .superRefine((goals, ctx) => {
    const seen = new Set<number>();
    goals.forEach((g, i) => {
      if (seen.has(g.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: 'duplicate' });
      seen.add(g.year);
    });
  });

export const TargetCreate = z.strictObject({
  planId: Id,
  areaId: Id.nullable().optional(),
  code: Code,
  name: Name,
  measureUnit: MeasureUnit,
  baseline: TargetValue,
  direction: z.enum(DIRECTIONS),
  /** The unit that supplies the data. */
  dataUnitId: Id,
  period: z.enum(TARGET_PERIODS),
  /** How the reported figures add up: 时点值 (level), 累计值 (cumulative, year to date) or 当期值 (periodic). */
  accumulation: z.enum(TARGET_ACCUMULATIONS).default('level'),
  goals: Goals,
});
export const TargetUpdate = z.strictObject({
  version: Version,
  areaId: Id.nullable().optional(),
  code: Code.optional(),
  name: Name.optional(),
  measureUnit: MeasureUnit.optional(),
  baseline: TargetValue.optional(),
  direction: z.enum(DIRECTIONS).optional(),
  dataUnitId: Id.optional(),
  period: z.enum(TARGET_PERIODS).optional(),
  accumulation: z.enum(TARGET_ACCUMULATIONS).optional(),
  goals: Goals.optional(),
});

/** Entered expected values; periods without one stay linear. No points: the trajectory is linear. */
export const TrajectoryPut = z.strictObject({
  version: Version,
  points: z
    .array(z.strictObject({ period: PeriodKey, expected: TargetValue }))
    .max(120)
    .superRefine((pts, ctx) => {
      const seen = new Set<string>();
      pts.forEach((p, i) => {
        if (seen.has(p.period)) ctx.addIssue({ code: 'custom', path: [i, 'period'], message: 'duplicate' });
        seen.add(p.period);
      });
    }),
});

/** An actual recorded directly by the HQ office (reports write theirs when accepted). */
export const ActualCreate = z.strictObject({ period: PeriodKey, value: TargetValue });
export const Actual = z.object({ period: z.string(), value: z.string(), reportId: Id.nullable(), acceptedAt: z.string() });

export const TARGET_SORTS = ['code', 'light'] as const;
export const TargetListQuery = PageQuery.extend({
  /** Only this region of the reader's and the regions under it (a drill-down from the dashboard); absent: all of the reader's. */
  region: Id.optional(),
  plan: Id.optional(),
  /** Items of this task force's plans (what it may hold a blocker on). */
  taskForce: Id.optional(),
  area: Id.optional(),
  /** The data unit. */
  unit: Id.optional(),
  light: z.enum(LIGHTS).optional(),
  sort: z.enum(TARGET_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

const Outlook = z.object({
  year: z.number(),
  goal: z.string().nullable(),
  value: z.string().nullable(),
  basis: z.enum(['final', 'trend', 'none']),
  willMeet: z.boolean().nullable(),
});

export const Target = z.object({
  id: Id,
  planId: Id,
  areaId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  measureUnit: z.string(),
  baseline: z.string(),
  direction: z.enum(DIRECTIONS),
  dataUnitId: Id,
  dataUnitName: z.string(),
  period: z.enum(TARGET_PERIODS),
  accumulation: z.enum(TARGET_ACCUMULATIONS),
  trajectoryKind: z.enum(['linear', 'entered']),
  light: Light,
  lightReasons: z.array(LightReason),
  version: z.number(),
  /** The newest accepted actual, whatever its year. */
  latestActual: z.object({ period: z.string(), value: z.string() }).nullable(),
  /** This year's goal and the year-end value the actuals so far point to (Asia/Shanghai's year). */
  thisYear: Outlook,
});
export type Target = z.infer<typeof Target>;

/** A target with everything its chart needs: trajectory, actuals, and the year-end outlook per year. */
export const TargetDetail = Target.extend({
  goals: z.array(z.object({ year: z.number(), goal: z.string() })),
  trajectory: z.array(z.object({ period: z.string(), year: z.number(), expected: z.string(), entered: z.boolean() })),
  actuals: z.array(Actual),
  forecasts: z.array(Outlook),
  /** The program's first year (首战告捷): its goal title and whether this target will meet it. */
  firstYear: Outlook.extend({ title: z.string().nullable() }).nullable(),
});
