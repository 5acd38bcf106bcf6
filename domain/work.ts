/** Enumerations of the work itself: plans, targets, tasks, claims, projects, reports. */
export const PLAN_KINDS = ['overall', 'special', 'mechanism'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_STATUSES = ['draft', 'under_review', 'approved', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TARGET_PERIODS = ['monthly', 'quarterly'] as const;

/**
 * How a target's reported figures add up: 时点值 (level) a level at the period's end (a rate, a
 * count, a concentration); 累计值 (cumulative) the year to date (revenue Jan–May); 当期值 (periodic)
 * the period's own amount (May's revenue), which add up over the year.
 */
export const TARGET_ACCUMULATIONS = ['level', 'cumulative', 'periodic'] as const;
export type TargetAccumulation = (typeof TARGET_ACCUMULATIONS)[number];
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

export const DEADLINE_KINDS = ['date', 'recurring', 'ongoing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const REPORT_PERIODS = ['weekly', 'monthly', 'quarterly'] as const;

export const TASK_UNIT_ROLES = ['lead', 'support'] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

export const CLAIM_STATUSES = ['unclaimed', 'submitted', 'approved', 'returned'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** 谋划 → 签约 → 开工 → 在建 → 投产 */
export const PROJECT_STAGES = ['planning', 'signed', 'started', 'building', 'operating'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const ITEM_TYPES = ['task', 'target', 'project'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'reviewed', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const BLOCKER_LEVELS = ['unit', 'task_force', 'hq', 'leading_group'] as const;

/** One key for an item of any kind, for maps of tasks, targets and projects together. */
export const itemKey = (type: string, id: string): string => `${type}:${id}`;
