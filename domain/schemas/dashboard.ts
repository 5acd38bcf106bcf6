import { z } from 'zod';
import { BLOCKER_AGES, DASHBOARD_PERIODS } from '../dashboard.js';
import { BLOCKER_LEVELS, ITEM_TYPES, PROJECT_STAGES } from '../work.js';
import { IsoDateString } from './calendar.js';
import { rule } from './ruleMessages.js';
import { Id } from './common.js';
import { RollupRow } from './rollup.js';
import { LightCounts, Policies } from './work.js';

/** `custom` takes `from` and `to`; the others are around today (Asia/Shanghai). */
export const DashboardQuery = z
  .strictObject({
    period: z.enum(DASHBOARD_PERIODS).default('month'),
    from: IsoDateString.optional(),
    to: IsoDateString.optional(),
    /** A province's or a city's reader drills into one of its regions (a district, or a city of a province); absent: all of them, summed. */
    region: Id.optional(),
  })
  // A custom period needs both its days; the message is the date rule's, on the missing field.
  .refine((q) => q.period !== 'custom' || !!q.from, { path: ['from'], ...rule('date') })
  .refine((q) => q.period !== 'custom' || !!q.to, { path: ['to'], ...rule('date') });

const Count = z.number().int();
const Money = z.string();
/** A group's lights, and how many of its items turned red and recovered in the period. */
export const DashboardGroup = RollupRow.extend({ turnedRed: Count, recovered: Count });
const Named = z.object({ id: Id, name: z.string() });

const ItemLine = z.object({ itemType: z.enum(ITEM_TYPES), itemId: Id, code: z.string(), title: z.string(), workdays: Count });

/** Every panel of the leading group's dashboard, in one reply. */
export const Dashboard = z.object({
  today: z.string(),
  period: z.object({ kind: z.enum(DASHBOARD_PERIODS), from: z.string(), to: z.string() }),
  /** What it counts: the whole district, or the reader's units' and task forces' share of it. */
  scope: z.object({ whole: z.boolean(), units: z.array(Named), taskForces: z.array(Named), region: Named.nullable() }),
  lights: z.object({ task: LightCounts, target: LightCounts, project: LightCounts }),
  byPlan: z.array(DashboardGroup),
  byArea: z.array(DashboardGroup),
  byTaskForce: z.array(DashboardGroup),
  /** The units most in trouble (red, then yellow, then turned red), at most UNITS_SHOWN of them. */
  byUnit: z.array(DashboardGroup),
  /** A city's or a province's districts side by side, the largest share of red first (one district: one line). */
  byRegion: z.array(RollupRow),
  unitsTotal: Count,
  blockers: z.object({
    /** Unresolved ones by level and by how long they have sat there. */
    unresolved: z.array(z.object({ level: z.enum(BLOCKER_LEVELS), age: z.enum(BLOCKER_AGES), n: Count })),
    toVerify: Count,
    raisedInPeriod: Count,
    closedInPeriod: Count,
  }),
  overdue: z.object({ task: Count, target: Count, project: Count, worst: z.array(ItemLine) }),
  targets: z.object({
    year: z.number(),
    thisYear: z.object({ met: Count, missed: Count, unknown: Count }),
    /** 首战告捷: the program's first year, and the first twelve targets that missed or may miss it (missed and unknown count them all). */
    firstYear: z.object({ year: z.number(), title: z.string().nullable(), met: Count, missed: Count, unknown: Count, missing: z.array(z.object({ id: Id, code: z.string(), name: z.string() })) }),
  }),
  investment: z.object({
    year: z.number(),
    planned: Money,
    done: Money,
    byMonth: z.array(z.object({ month: z.string(), done: Money })),
    byStage: z.array(z.object({ stage: z.enum(PROJECT_STAGES), n: Count, planned: Money, done: Money })),
  }),
  activity: z.object({ reportsAccepted: Count, reportsSubmitted: Count }),
  /** How the lights moved in the period; the items that turned red in it and are red still. */
  movement: z.object({
    turnedRed: Count,
    turnedYellow: Count,
    recovered: Count,
    done: Count,
    newlyRed: z.array(z.object({ itemType: z.enum(ITEM_TYPES), itemId: Id, code: z.string(), title: z.string(), at: z.string() })),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardResponse = z.object({ data: Dashboard, policies: Policies });
