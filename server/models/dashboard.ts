import type { BlockerAge } from '../../domain/dashboard.js';
import type { TargetVerdicts } from '../../domain/targetOutlook.js';
import type { BlockerLevel } from '../../domain/schemas/blocker.js';
import type { RollupBy } from '../../domain/schemas/rollup.js';
import type { ItemType } from '../../domain/work.js';
import type { OutlookFacts, RollupGroup } from './planning.js';

type Counted = { light: string; n: number }[];

/** A target with what its outlooks need: its own figures and its program's first year. */
export interface DashboardTarget {
  id: string;
  code: string;
  name: string;
  baseline: string;
  period: string;
  direction: string;
  accumulation: string;
  startYear: number;
  yearGoals: unknown;
  /** Its verdicts as stored with its light, when they are of this year and its first year; else null and decided from its facts. */
  stored: TargetVerdicts | null;
}

/** What the dashboard query reads and its presenter turns into panels. */
export interface DashboardFacts {
  year: number;
  lights: { task: Counted; target: Counted; project: Counted };
  byPlan: RollupGroup[];
  byArea: RollupGroup[];
  byTaskForce: RollupGroup[];
  byUnit: RollupGroup[];
  /** Per district of the reader's regions that has items of its slice. */
  byRegion: RollupGroup[];
  /** Turns to red and recoveries in the period, per group id, for each grouping. */
  moved: Record<RollupBy, Map<string, GroupMovement>>;
  overdue: { task: number; target: number; project: number; worst: { itemType: ItemType; itemId: string; code: string; title: string; workdays: number }[] };
  blockers: { unresolved: { level: BlockerLevel; age: BlockerAge; n: number }[]; toVerify: number; raisedInPeriod: number; closedInPeriod: number };
  targets: { rows: DashboardTarget[]; firstYear: number; thisYear: Map<string, OutlookFacts>; first: Map<string, OutlookFacts> };
  investment: { byMonth: { month: string; done: string }[]; byStage: { stage: string; n: number; planned: string; done: string }[] };
  activity: { reportsAccepted: number; reportsSubmitted: number };
  movement: LightMovement;
}

/** How the lights moved in the period (light_changes): items that turned red, turned yellow, recovered to green, were done; the ones still red that turned red in it. */
export interface LightMovement {
  turnedRed: number;
  turnedYellow: number;
  recovered: number;
  done: number;
  newlyRed: { itemType: ItemType; itemId: string; code: string; title: string; at: string }[];
}

/** One group's items that turned red, and that recovered, in the period. */
export interface GroupMovement {
  turnedRed: number;
  recovered: number;
}
