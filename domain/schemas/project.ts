import { z } from 'zod';
import { LIGHTS } from '../lights.js';
import { PROJECT_STAGES } from '../work.js';
import { IsoDateString } from './calendar.js';
import { Code, Id, PageQuery, Version } from './common.js';
import { Light, LightReason, Money, Title, Year } from './work.js';

/** Planned and actual date of one stage (谋划 → 签约 → 开工 → 在建 → 投产). */
export const StageDate = z.strictObject({ planned: IsoDateString.nullable().optional(), actual: IsoDateString.nullable().optional() });
export const StageDates = z.partialRecord(z.enum(PROJECT_STAGES), StageDate);
const Text200 = z.string().trim().max(200);

export const ProjectCreate = z.strictObject({
  code: Code,
  name: Title,
  planId: Id.nullable().optional(),
  areaId: Id.nullable().optional(),
  ownerEnterprise: Text200.default(''),
  location: Text200.default(''),
  responsibleUnitId: Id,
  /** 万元 */
  totalInvestment: Money,
  stage: z.enum(PROJECT_STAGES).default('planning'),
  stageDates: StageDates.default({}),
});
/** `stageDates` replaces the stored ones; a stage never goes back. */
export const ProjectUpdate = z.strictObject({
  version: Version,
  code: Code.optional(),
  name: Title.optional(),
  planId: Id.nullable().optional(),
  areaId: Id.nullable().optional(),
  ownerEnterprise: Text200.optional(),
  location: Text200.optional(),
  responsibleUnitId: Id.optional(),
  totalInvestment: Money.optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  stageDates: StageDates.optional(),
});

/** Yearly planned investment; replaces the stored plan. */
export const ProjectPlanPut = z.strictObject({
  version: Version,
  years: z
    .array(z.strictObject({ year: Year, planned: Money }))
    .max(20)
    .superRefine((ys, ctx) => {
      const seen = new Set<number>();
      ys.forEach((y, i) => {
        if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: 'duplicate' });
        seen.add(y.year);
      });
    }),
});

/** By code, by light (most urgent first), or by total investment. */
export const PROJECT_SORTS = ['code', 'light', 'investment'] as const;
export const ProjectListQuery = PageQuery.extend({
  /** Only this region of the reader's and the regions under it (a drill-down from the dashboard); absent: all of the reader's. */
  region: Id.optional(),
  plan: Id.optional(),
  /** Items of this task force's plans (what it may hold a blocker on). */
  taskForce: Id.optional(),
  area: Id.optional(),
  /** The responsible unit. */
  unit: Id.optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  light: z.enum(LIGHTS).optional(),
  sort: z.enum(PROJECT_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const Project = z.object({
  id: Id,
  planId: Id.nullable(),
  areaId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  ownerEnterprise: z.string(),
  location: z.string(),
  responsibleUnitId: Id,
  responsibleUnitName: z.string(),
  totalInvestment: z.string(),
  stage: z.enum(PROJECT_STAGES),
  stageDates: z.record(z.string(), z.object({ planned: z.string().nullable().optional(), actual: z.string().nullable().optional() })),
  lastReportDate: z.string().nullable(),
  light: Light,
  lightReasons: z.array(LightReason),
  version: z.number(),
  /** This year's (Asia/Shanghai's) planned and done investment, 万元, and the completion rate in percent. */
  thisYear: z.object({ year: z.number(), planned: z.string().nullable(), done: z.string(), rate: z.string().nullable() }),
});
export type Project = z.infer<typeof Project>;

/** A project with its yearly plan and the monthly chart: planned vs. done, cumulative within each year. */
export const ProjectDetail = Project.extend({
  yearPlans: z.array(z.object({ year: z.number(), planned: z.string() })),
  months: z.array(z.object({ month: z.string(), planned: z.string(), done: z.string(), plannedCumulative: z.string(), doneCumulative: z.string() })),
  totals: z.object({ planned: z.string(), done: z.string() }),
});

