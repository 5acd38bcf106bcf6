// Read models of planning: what queries return and presenters take (types only; see models/reporting.ts).
import type { milestones, orgUnits, plans, programs, projectMonths, projects, projectYearPlans, targetActuals, targetGoals, targets, targetTrajectory, tasks, taskUnits } from '../db/schema/index.js';

export type TaskRow = typeof tasks.$inferSelect & { leadUnitName: string | null };
export type TargetRow = typeof targets.$inferSelect & { dataUnitName: string };
export type ProjectRow = typeof projects.$inferSelect & { responsibleUnitName: string };
export type PlanRow = typeof plans.$inferSelect & {
  taskForceName: string | null;
  leadUnitName: string | null;
  /** The approver's post (users are shown by post, never by name). */
  approvedByName: string | null;
  areas: { id: string; code: string; name: string }[];
};

/** One task with its units and their claims, milestones, ancestors (breadcrumb) and children. */
export interface LoadedTask {
  task: TaskRow;
  units: (typeof taskUnits.$inferSelect & { unitName: string })[];
  milestones: (typeof milestones.$inferSelect)[];
  ancestors: { id: string; code: string; title: string }[];
  children: (Pick<typeof tasks.$inferSelect, 'id' | 'code' | 'title' | 'weight' | 'progress' | 'done' | 'light'> & { childCount: number })[];
}

/** One project with its yearly plan and the investment done per month. */
export interface LoadedProject {
  project: ProjectRow;
  yearPlans: (typeof projectYearPlans.$inferSelect)[];
  months: (typeof projectMonths.$inferSelect)[];
}

/** One target with its goals, entered points, accepted actuals and its program's years and goals. */
export interface LoadedTarget {
  target: TargetRow;
  program: typeof programs.$inferSelect;
  goals: (typeof targetGoals.$inferSelect)[];
  entered: (typeof targetTrajectory.$inferSelect)[];
  actuals: (typeof targetActuals.$inferSelect)[];
}

/** What a list row needs to state this year's outlook: each target's goals, this and last year's actuals, and its newest actual. */
export interface OutlookFacts {
  goals: { year: number; goal: string }[];
  actuals: { period: string; value: string }[];
  latest: { period: string; value: string } | null;
}

export interface RollupGroup {
  id: string;
  code: string;
  name: string;
  /** Items per stored light. */
  lights: { light: string; n: number }[];
}

/** A unit's share not claimed in time, as the HQ desk chases it. */
export interface UnclaimedRow {
  u: typeof taskUnits.$inferSelect;
  task: Pick<typeof tasks.$inferSelect, 'id' | 'code' | 'title' | 'planId'>;
  unitName: (typeof orgUnits.$inferSelect)['name'];
  claimDue: string;
  overdueWorkdays: number;
}
