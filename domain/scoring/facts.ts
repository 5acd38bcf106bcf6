import type { IsoDate } from '../calendar/days.js';

/**
 * Something owed by a day: a report for a period, a task or milestone, a rectification, a blocker
 * given to the unit to solve, a reply to a dispatch order. `doneOn` is the day it was delivered
 * (submitted, reached, closed, solved, replied; Asia/Shanghai), null while still owed.
 */
export interface DeadlineFact {
  /** The row behind the fact (a report, milestone, ledger entry, …), so a page can link to it. */
  ref: string;
  title: string;
  /** What it is beside its title: the report's period, 'milestone', the order's number. */
  detail: string;
  due: IsoDate;
  doneOn: IsoDate | null;
}

/** A target held to its trajectory: what was expected by the period's end and what was reached. */
export interface TargetFact {
  ref: string;
  title: string;
  /** The trajectory's value at the period's end; null when the target has none for the period. */
  expected: string | null;
  /** The latest accepted actual in the period; null when nothing was reported. */
  actual: string | null;
  /** 逆向指标: lower is better (energy per unit of output, PM2.5). */
  reverse: boolean;
}

/** A project's investment in the period: planned (its yearly plan, pro rata for a quarter) and done. */
export interface InvestmentFact {
  ref: string;
  title: string;
  planned: string;
  done: string;
}

/** 加分/扣分: an approved item with its points (positive adds, negative deducts), reason and evidence. */
export interface AdjustmentFact {
  ref: string;
  points: string;
  reason: string;
  evidence: string | null;
}

/** Everything the engine scores one unit from, gathered by the server for one period. */
export interface UnitFacts {
  unitId: string;
  unitName: string;
  reports: readonly DeadlineFact[];
  /** Tasks led by the unit with a deadline in the period, and their milestones due in it. */
  tasks: readonly DeadlineFact[];
  targets: readonly TargetFact[];
  projects: readonly InvestmentFact[];
  rectifications: readonly DeadlineFact[];
  blockers: readonly DeadlineFact[];
  replies: readonly DeadlineFact[];
  /** 领导评价, 0–100, entered by the assessor; null when not entered. */
  evaluation: { score: string; note: string } | null;
  adjustments: readonly AdjustmentFact[];
}

/** A unit with nothing to score (a new unit, an empty period): every list empty, nothing entered. */
export const emptyFacts = (unitId: string, unitName: string): UnitFacts => ({
  unitId,
  unitName,
  reports: [],
  tasks: [],
  targets: [],
  projects: [],
  rectifications: [],
  blockers: [],
  replies: [],
  evaluation: null,
  adjustments: [],
});
