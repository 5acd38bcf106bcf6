import type { DemoAreaCode } from './workPlans.js';

/**
 * When a task is due: the end of a program year or its middle (y1, y1h, y2h, y2, y3), a recurring
 * date (每月N日前 / 季后N日前), ongoing (长期坚持), or a number of workdays from the load date
 * (negative: already overdue) so the demo always has something due soon and something late.
 */
export type DueSpec =
  | 'y1'
  | 'y1h'
  | 'y2h'
  | 'y2'
  | 'y3'
  | 'ongoing'
  | { month: number }
  | { quarter: number }
  | { workdays: number; span?: number };

/** How a leaf task runs: on or ahead of schedule, somewhat behind (yellow), far behind (red), or silent (stale reports). */
export type TaskPace = 'on_track' | 'lag' | 'behind' | 'stale' | 'overdue' | 'done';

export interface DemoTaskSpec {
  title: string;
  lead: string;
  sup?: string[];
  due?: DueSpec;
  period?: 'monthly' | 'quarterly';
  post?: string;
  /** Milestone names, spread between the start and the deadline; `late` names one overdue milestone. */
  ms?: string[];
  lateMilestone?: string;
  /** One milestone due and reached last month, so that last month's 简报 (demo/workArticles.ts) has one to report. */
  lastMonthMilestone?: string;
  pace?: TaskPace;
  /** Overrides the plan's area (the overall plan spans several). */
  area?: DemoAreaCode;
  weight?: string;
  /** Progress reported (and accepted) for the current period: pins a due-soon task's progress. */
  now?: string;
  /** The lead unit has not written this period's report yet: where the README's walk through every step starts. */
  pending?: boolean;
  /** Claim states other than approved, per unit code (the rest have claimed and been approved). */
  claims?: Record<string, 'unclaimed' | 'submitted' | 'returned'>;
  /** Assigned two days ago at the latest meeting: every unit still has to claim it. */
  fresh?: boolean;
  kids?: DemoTaskSpec[];
  /** One subtask per unit (一级抓一级): the title is `${unit name}${eachTitle}`. */
  each?: { units: readonly string[]; title: string; due?: DueSpec };
}

export interface DemoTaskTree {
  plan: string;
  area: DemoAreaCode | null;
  tasks: DemoTaskSpec[];
}

/** The six subdistricts (街道) and two towns (镇): tasks broken down "一级抓一级" get one subtask each. */
export const STREETS = ['jianshe', 'hongqi', 'shengli', 'liaohe', 'shuangsheng', 'tiedong', 'lujia', 'tongyi'] as const;
export const CITY_STREETS = STREETS.slice(0, 6);
export const TOWNS = ['lujia', 'tongyi'] as const;
