import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';

/**
 * The reminder ladder of issue 20 item 4: a 提醒 some workdays before a thing is due, and once it
 * is late 提醒 → 催报/催办 → 督办 as the workdays late pass the HQ office's thresholds. These are
 * in-app messages to people; the official 催办单/督办单 documents of the 督查室 (domain/notices.ts)
 * are a separate, heavier ladder that an inspector issues by hand.
 */
export const REMINDER_STEPS = ['before', 'remind', 'urge', 'supervise'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/**
 * What a reminder is about: a report period not reported, a task's deadline, a milestone, a share
 * not claimed, a claim waiting for the unit head's approval, a claim the head sent back.
 */
export const REMINDER_KINDS = ['report', 'deadline', 'milestone', 'claim', 'claim_review', 'claim_returned'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * The HQ office's settings, in workdays on the district's calendar: `daysBefore` ahead of the due day
 * (0 = on the day itself), then `lateRemind` < `lateUrge` < `lateSupervise` workdays late.
 */
export interface LadderSettings {
  daysBefore: number;
  lateRemind: number;
  lateUrge: number;
  lateSupervise: number;
}

/**
 * Three workdays ahead is what the workbench calls "due soon"'s first warning in practice; 1 workday
 * late a plain reminder, 3 a 催报/催办 to the unit head, 6 a 督办 — the day the 督查室's own ladder
 * turns from a blue 催办单 to a 督办单 (domain/notices.ts), so both ladders speak of 督办 together.
 */
export const DEFAULT_LADDER: LadderSettings = { daysBefore: 3, lateRemind: 1, lateUrge: 3, lateSupervise: 6 };

/** Bounds the settings are held to (the zod schema in domain/schemas/reminder.ts reads these). */
export const LADDER_LIMITS = { daysBefore: { min: 0, max: 20 }, late: { min: 1, max: 60 } } as const;

const rank = (s: ReminderStep) => REMINDER_STEPS.indexOf(s);

/**
 * The highest step a thing has reached today, or null. Nothing is reached on a rest day (offices
 * do not chase on a Sunday or in the Spring Festival week; what was reached then is sent on the next
 * workday, a make-up Saturday included). Before the due day only `before` can be reached, and only
 * within its window; after it, the workdays late pick the step.
 */
export function reachedStep(cal: WorkdayCalendar, today: IsoDate, due: IsoDate, s: LadderSettings): ReminderStep | null {
  if (!cal.isWorkday(today)) return null;
  const left = cal.workdaysUntil(today, due);
  if (left >= 0) return left <= s.daysBefore ? 'before' : null;
  const late = -left;
  if (late >= s.lateSupervise) return 'supervise';
  if (late >= s.lateUrge) return 'urge';
  if (late >= s.lateRemind) return 'remind';
  return null;
}

/**
 * The step to send a person today: the step reached, unless they already had it or a higher one
 * for this same thing. A day missed (the server was down, a holiday) is caught up by sending the
 * step reached now, once; the steps skipped on the way are not sent late.
 */
export function stepToSend(reached: ReminderStep | null, sentSteps: readonly ReminderStep[]): ReminderStep | null {
  if (!reached) return null;
  return sentSteps.some((s) => rank(s) >= rank(reached)) ? null : reached;
}

/** Whether a step is more pressing than another (督办 first in a digest). */
export const stepRank = rank;
