import Decimal from 'decimal.js';
import { dayNumber, shanghaiDate, type IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import type { Light } from './lights.js';

/** 调度令 kinds: a question to answer, figures to supply in the table the order defines, an action to take. */
export const DISPATCH_KINDS = ['question', 'figures', 'action'] as const;
export type DispatchKind = (typeof DISPATCH_KINDS)[number];
/**
 * What is tracked to reply: the office's orders, and a leader's 批示 (instruction) written on a
 * report, a blocker or an item and addressed to the units concerned, a meeting's 议定事项
 * (decision) owned by the units it names, a field visit's finding to follow up (follow_up), and a
 * point of a higher-level directive (上级指示) the office broke it into (directive).
 */
export const TRACKED_KINDS = [...DISPATCH_KINDS, 'instruction', 'decision', 'follow_up', 'directive'] as const;
export type TrackedKind = (typeof TRACKED_KINDS)[number];
/** What a 批示 may be written on (a decision: a meeting's 议定事项). */
export const INSTRUCTION_SUBJECTS = ['report', 'blocker', 'task', 'target', 'project', 'decision'] as const;
export type InstructionSubjectType = (typeof INSTRUCTION_SUBJECTS)[number];
/** What a tracked item hangs on: a 批示's subject, the meeting that took a decision, the visit that found what to follow up. */
export const TRACKED_SUBJECTS = [...INSTRUCTION_SUBJECTS, 'meeting', 'field_visit', 'directive'] as const;
export type TrackedSubjectType = (typeof TRACKED_SUBJECTS)[number];
export const DISPATCH_STATUSES = ['draft', 'sent', 'closed'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];
export const RECIPIENT_STATUSES = ['pending', 'replied'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** One column of a `figures` order's table: its key in the replies, its header, its unit of measure. */
export interface FigureColumn {
  key: string;
  label: string;
  unit?: string | undefined;
}

/** Sums of up to 500 figures of 20 digits each stay exact (decimal.js rounds to 20 significant digits by default). */
const Exact = Decimal.clone({ precision: 60 });

/** Workdays a unit gets to answer unless the office sets another deadline. */
export const DISPATCH_WORKDAYS = 3;

/** The deadline the create form proposes: three workdays after today on China's calendar. */
export function defaultDispatchDeadline(cal: WorkdayCalendar, today: IsoDate): IsoDate {
  return cal.addWorkdays(today, DISPATCH_WORKDAYS);
}

/**
 * What is wrong with a deadline, if anything: a day already past cannot be answered by, and a rest
 * day is not one a unit works on (the next workday is proposed instead).
 */
export function deadlineProblem(cal: WorkdayCalendar, deadline: IsoDate, today: IsoDate): { code: 'past' } | { code: 'rest_day'; next: IsoDate } | null {
  if (dayNumber(deadline) < dayNumber(today)) return { code: 'past' };
  if (!cal.isWorkday(deadline)) return { code: 'rest_day', next: cal.addWorkdays(deadline, 0) };
  return null;
}

/**
 * Workdays a unit without a reply is late by: 0 until the deadline has passed, then the workdays
 * after it up to today (a reply is due by the end of the deadline day; the weekend after it does not count).
 */
export function lateWorkdays(cal: WorkdayCalendar, deadline: IsoDate, today: IsoDate): number {
  if (dayNumber(today) <= dayNumber(deadline)) return 0;
  return cal.workdaysBetween(deadline, today) - (cal.isWorkday(deadline) ? 1 : 0);
}

/** Whether a reply (given at `repliedAt`) came after the deadline day, in Asia/Shanghai. */
export const repliedLate = (deadline: IsoDate, repliedAt: Date): boolean => shanghaiDate(repliedAt) > deadline;

/** The recipients to chase: those with no reply while the order is out. */
export function toChase<R extends { status: RecipientStatus }>(recipients: readonly R[]): R[] {
  return recipients.filter((r) => r.status === 'pending');
}

/** A decimal figure as the reply form and the API carry it: up to 16 digits, 4 decimals. */
export const FIGURE_PATTERN = /^-?\d{1,16}(\.\d{1,4})?$/;

/**
 * The problems of a reply's figures against the order's columns, keyed `figures.<key>`: every
 * column needs a decimal, and no figure may name a column the order does not have.
 */
export function figureProblems(columns: readonly FigureColumn[], figures: Readonly<Record<string, string>>): Record<string, 'required' | 'decimal' | 'unknown'> {
  const out: Record<string, 'required' | 'decimal' | 'unknown'> = {};
  const keys = new Set(columns.map((c) => c.key));
  for (const c of columns) {
    const v = Object.hasOwn(figures, c.key) ? figures[c.key]!.trim() : '';
    if (v === '') out[`figures.${c.key}`] = 'required';
    else if (!FIGURE_PATTERN.test(v)) out[`figures.${c.key}`] = 'decimal';
  }
  for (const k of Object.keys(figures)) if (!keys.has(k)) out[`figures.${k}`] = 'unknown';
  return out;
}

/** The figures as stored: trimmed and written canonically (no leading zeros, "-0" as "0"), exactly. */
export function normaliseFigures(columns: readonly FigureColumn[], figures: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.key, new Exact(figures[c.key]!.trim()).toFixed()]));
}

/** Each column's total over the replies that have it, exactly (the export's last row). */
export function figureTotals(columns: readonly FigureColumn[], replies: readonly (Readonly<Record<string, string>> | null)[]): Record<string, string> {
  return Object.fromEntries(
    columns.map((c) => [c.key, replies.reduce((sum, f) => (f && f[c.key] !== undefined ? sum.plus(f[c.key]!) : sum), new Exact(0)).toFixed()]),
  );
}

/** Workdays before its deadline that an order still waiting for replies turns yellow. */
export const DISPATCH_DUE_SOON_WORKDAYS = 1;

/**
 * The light of an order or a 批示, as the office reads its tracking: not started while a draft;
 * done once closed or answered by every unit; red when a unit's reply is a workday or more late;
 * yellow on the deadline day or the workday before it while replies are missing; green otherwise.
 */
export function trackedLight(
  cal: WorkdayCalendar,
  d: { status: DispatchStatus; deadline: IsoDate; /** Whether a reply (of those the reader sees) is missing. */ pending: boolean },
  today: IsoDate,
): Light {
  if (d.status === 'draft') return 'not_started';
  if (d.status === 'closed' || !d.pending) return 'done';
  // Red as the reply table's rows turn late: once a workday has passed after the deadline day.
  if (lateWorkdays(cal, d.deadline, today) > 0) return 'red';
  const soon = cal.addWorkdays(today, DISPATCH_DUE_SOON_WORKDAYS);
  return dayNumber(d.deadline) <= dayNumber(soon) ? 'yellow' : 'green';
}
