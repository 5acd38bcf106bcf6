import type { IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import type { LightReason } from './lights.js';

/** 督查 campaigns: 常态化 (recurring, routine) or 专项 (one subject, special). */
export const INSPECTION_KINDS = ['routine', 'special'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** The key links (关键环节) the source names: 谋划部署, 组织实施, 推进落实. */
export const KEY_LINKS = ['planning', 'implementation', 'delivery'] as const;
export type KeyLink = (typeof KEY_LINKS)[number];

/**
 * open: found, waits for the unit; rectifying: the unit acknowledged it (or it was reopened);
 * submitted: the unit said what it did; verified: the inspector judged it (跟踪问效); closed.
 */
export const LEDGER_STATUSES = ['open', 'rectifying', 'submitted', 'verified', 'closed'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const LEDGER_VERDICTS = ['effective', 'not_effective'] as const;
export type LedgerVerdict = (typeof LEDGER_VERDICTS)[number];

/** Where an entry came from: a red light, an overdue item, a blocker, a field-visit finding, or typed in. */
export const LEDGER_SOURCES = ['red_light', 'overdue', 'blocker', 'field_visit', 'entered'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

/** A rectification is due this many workdays after the entry is made, unless the inspector says otherwise. */
export const RECTIFY_WORKDAYS = 10;

export function defaultRectifyDeadline(cal: WorkdayCalendar, today: IsoDate): IsoDate {
  return cal.addWorkdays(today, RECTIFY_WORKDAYS);
}

/** The states in which the unit still owes its rectification: only these can be late. */
export const RECTIFICATION_OWED = ['open', 'rectifying'] as const satisfies readonly LedgerStatus[];

/** Late: the unit still owes its rectification and the deadline day has passed. */
export function ledgerOverdue(status: LedgerStatus, deadline: IsoDate, today: IsoDate): boolean {
  return (RECTIFICATION_OWED as readonly LedgerStatus[]).includes(status) && deadline < today;
}

/**
 * What a source fills in when the inspector leaves it out: an item's and a blocker's unit and item
 * are known; a field-visit finding is words only, and an entered finding has no source at all.
 */
export function sourceFills(kind: LedgerSource): { unit: boolean; item: boolean } {
  const known = kind === 'red_light' || kind === 'overdue' || kind === 'blocker';
  return { unit: known, item: known };
}

/** Light reasons that make an item overdue (its deadline, a milestone, or its claim passed). */
const OVERDUE_REASONS = ['overdue', 'milestone_overdue', 'claim_overdue'] as const;

/**
 * Why an item cannot be the source it is named as, or null: a red-light entry needs the item red
 * now, an overdue entry an overdue reason on its light.
 */
export function itemSourceProblem(kind: 'red_light' | 'overdue', item: { light: string; lightReasons: readonly Pick<LightReason, 'code'>[] }): 'not_red' | 'not_overdue' | null {
  if (kind === 'red_light') return item.light === 'red' ? null : 'not_red';
  return item.lightReasons.some((r) => (OVERDUE_REASONS as readonly string[]).includes(r.code)) ? null : 'not_overdue';
}
