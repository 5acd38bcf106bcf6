import type { IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import type { LightReason } from './lights.js';

/**
 * 问题线索 (oversight cases): received, then verified (初核), handled with a disposal, and closed.
 * Confidential: only the oversight role (纪委监委) learns that a case exists.
 */
export const CASE_STATUSES = ['received', 'verifying', 'handled', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the case is about: 作风, 腐败, 营商环境, 其他. */
export const CASE_CATEGORIES = ['conduct', 'corruption', 'business_environment', 'other'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/**
 * Where it came from: a red or overdue item, a blocker, a 督查 ledger entry, a public complaint
 * (made by the complaint channel, never typed in), or entered by hand.
 */
export const CASE_SOURCES = ['red_light', 'overdue', 'blocker', 'ledger', 'complaint', 'entered'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** The sources a case may be opened from by hand (a complaint becomes a case where it is filed). */
export const OPENED_SOURCES = ['red_light', 'overdue', 'blocker', 'ledger'] as const satisfies readonly CaseSource[];
export type OpenedSource = (typeof OPENED_SOURCES)[number];

/** 处置方式: 谈话提醒, 批评教育, 责令检查, 通报, 诫勉, 移送, 其他. */
export const CASE_DISPOSALS = ['talk_reminder', 'criticism', 'self_examination', 'notified', 'admonition', 'referred', 'other'] as const;
export type CaseDisposal = (typeof CASE_DISPOSALS)[number];

/** The watch (监督哨) looks back this many workdays unless asked otherwise. */
export const WATCH_WORKDAYS = 10;

/** Light reasons that make an item overdue, each with the workdays it is late. */
const OVERDUE_REASONS: readonly string[] = ['overdue', 'milestone_overdue', 'claim_overdue'];

/** The last day an item may have turned red, or a blocker reached its level, to be on the watch: `days` workdays before today. */
export function watchCutoff(cal: WorkdayCalendar, today: IsoDate, days: number): IsoDate {
  return days > 0 ? cal.addWorkdays(today, -days) : today;
}

export interface WatchedItemFacts {
  light: string;
  reasons: readonly Pick<LightReason, 'code' | 'params'>[];
  /** The day it last turned red (Asia/Shanghai), null when no turn is recorded (red since before the history). */
  redSince: IsoDate | null;
}

/**
 * Why an item is on the watch, or null: overdue by at least `days` workdays (the source is then
 * `overdue`), else red since the cutoff day or earlier (`red_light`).
 */
export function itemWatchReason(f: WatchedItemFacts, days: number, cutoff: IsoDate): { source: 'overdue'; workdays: number } | { source: 'red_light'; since: IsoDate | null } | null {
  const late = Math.max(0, ...f.reasons.filter((r) => OVERDUE_REASONS.includes(r.code)).map((r) => Number((r.params as { workdays?: unknown } | undefined)?.workdays) || 0));
  if (late > 0 && late >= days) return { source: 'overdue', workdays: late };
  if (f.light === 'red' && (f.redSince === null || f.redSince <= cutoff)) return { source: 'red_light', since: f.redSince };
  return null;
}

/** A case's life in days (Asia/Shanghai): received on `opened`, closed on `closed` (null while open). */
export interface CaseSpan {
  opened: IsoDate;
  closed: IsoDate | null;
}

/** 遏增清存 for a period: cases new in it, cases closed in it, and those open at its start and at its end. */
export interface CaseFigures {
  from: IsoDate;
  to: IsoDate;
  opened: number;
  closed: number;
  stockAtStart: number;
  stockAtEnd: number;
}

/**
 * The period's figures: 遏增 is fewer new cases, 清存 fewer left open. Open at the start = received
 * before `from` and not closed before it; open at the end = received by `to` and not closed by it.
 * So stockAtEnd = stockAtStart + opened − closed (of those cases).
 */
export function caseFigures(cases: readonly CaseSpan[], from: IsoDate, to: IsoDate): CaseFigures {
  let opened = 0;
  let closed = 0;
  let stockAtStart = 0;
  let stockAtEnd = 0;
  for (const c of cases) {
    if (c.opened >= from && c.opened <= to) opened++;
    if (c.closed && c.closed >= from && c.closed <= to) closed++;
    if (c.opened < from && (!c.closed || c.closed >= from)) stockAtStart++;
    if (c.opened <= to && (!c.closed || c.closed > to)) stockAtEnd++;
  }
  return { from, to, opened, closed, stockAtStart, stockAtEnd };
}

/**
 * The audit records' entity for cases. Their records keep the fact of a change (entity, id,
 * action) and nothing of the case; the auditor's view shows neither the id nor finds a record by it.
 */
export const CASE_AUDIT_ENTITY = 'oversight_case';
