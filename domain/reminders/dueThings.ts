import { dayNumber, type IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import { CLAIM_REVIEW_WORKDAYS, claimDeadline, RECLAIM_WORKDAYS } from '../claims.js';
import { taskDueDate } from '../deadlines.js';
import type { PeriodKind } from '../periods.js';
import { periodRange } from '../periods.js';
import { reportablePeriods } from '../reportPeriod.js';
import type { DueThing } from './digest.js';

/**
 * The two report periods a reminder can be about today, for one reporting kind: the one whose
 * report is due next (today or later) and the last one whose due day has passed. Older periods
 * are left alone: chasing a unit for every month it ever missed would bury the one that matters.
 */
export function reportDuePeriods(kind: PeriodKind, today: IsoDate, cal: WorkdayCalendar): { upcoming: { period: string; due: IsoDate }; passed: { period: string; due: IsoDate } } {
  const periods = reportablePeriods(kind, today, cal, 4);
  const open = periods.find((p) => p.open)!;
  const passed = periods.find((p) => p.dueDate < today)!;
  return { upcoming: { period: open.period, due: open.dueDate }, passed: { period: passed.period, due: passed.dueDate } };
}

/** A unit's share of a task, with what the reminders need. */
export interface ShareFact {
  taskId: string;
  code: string;
  title: string;
  unitId: string;
  role: string;
  claimStatus: string;
  /** Asia/Shanghai day of the assignment: the claim deadline counts from it. */
  assignedDay: IsoDate;
  /** Asia/Shanghai day the claim was last submitted, and the day it was last returned (else null). */
  claimedDay: IsoDate | null;
  returnedDay: IsoDate | null;
  deadlineKind: string;
  deadline: IsoDate | null;
  nextDue: IsoDate | null;
  startDate: IsoDate | null;
  reportPeriod: string;
  taskForceId: string | null;
  /** The periods (of those asked about) the unit has a report for, in any status. */
  reported: readonly string[];
}

export interface TargetFact {
  id: string;
  code: string;
  name: string;
  unitId: string;
  period: string;
  taskForceId: string | null;
  reported: readonly string[];
}

export interface ProjectFact {
  id: string;
  code: string;
  name: string;
  unitId: string;
  stage: string;
  taskForceId: string | null;
  reported: readonly string[];
}

export interface MilestoneFact {
  id: string;
  taskId: string;
  code: string;
  title: string;
  name: string;
  unitId: string;
  due: IsoDate;
  taskForceId: string | null;
}

export interface DueFacts {
  shares: readonly ShareFact[];
  targets: readonly TargetFact[];
  projects: readonly ProjectFact[];
  milestones: readonly MilestoneFact[];
}

const asKind = (k: string): PeriodKind => (k === 'weekly' || k === 'quarterly' ? k : 'monthly');

/** The report periods every kind is asked about today (what the server reads reports for). */
export function askedPeriods(today: IsoDate, cal: WorkdayCalendar): string[] {
  return (['weekly', 'monthly', 'quarterly'] as const).flatMap((k) => {
    const p = reportDuePeriods(k, today, cal);
    return [p.upcoming.period, p.passed.period];
  });
}

/**
 * Everything due that a unit answers for, as the workbench places it (domain/workbenchRules.ts):
 * a report is asked of a claimed, started share (a target's data unit, a project not yet 投产) for
 * the upcoming and the last passed period while it has no report for it; a task's own deadline and
 * milestones are the lead unit's (牵头单位 answers for the work); a share never claimed is due by its
 * claim deadline (domain/claims.ts); a submitted claim is the unit head's to approve within
 * CLAIM_REVIEW_WORKDAYS of its submission, a returned one the unit's to claim again within
 * RECLAIM_WORKDAYS of its return (keyed by that day: a new round starts a new ladder). The server
 * passes only tasks not done.
 */
export function dueThings(facts: DueFacts, today: IsoDate, cal: WorkdayCalendar): DueThing[] {
  const periods = { weekly: reportDuePeriods('weekly', today, cal), monthly: reportDuePeriods('monthly', today, cal), quarterly: reportDuePeriods('quarterly', today, cal) };
  const out: DueThing[] = [];
  const reports = (base: Omit<DueThing, 'kind' | 'key' | 'due' | 'period'>, kind: PeriodKind, reported: readonly string[], startDate: IsoDate | null) => {
    for (const p of [periods[kind].passed, periods[kind].upcoming]) {
      if (reported.includes(p.period)) continue;
      // Not asked for a period that ended before the work began.
      if (startDate && dayNumber(startDate) > dayNumber(periodRange(p.period)!.end)) continue;
      out.push({ ...base, kind: 'report', key: `report:${base.itemType}:${base.itemId}:${base.unitId}:${p.period}`, due: p.due, period: p.period });
    }
  };
  for (const s of facts.shares) {
    const base = { itemType: 'task' as const, itemId: s.taskId, code: s.code, title: s.title, unitId: s.unitId, taskForceId: s.taskForceId };
    if (s.claimStatus === 'unclaimed') {
      const due = claimDeadline(cal, s.assignedDay, today).due;
      out.push({ ...base, kind: 'claim', key: `claim:${s.taskId}:${s.unitId}:${due}`, due });
    }
    if (s.claimStatus === 'submitted' && s.claimedDay) {
      const due = cal.addWorkdays(s.claimedDay, CLAIM_REVIEW_WORKDAYS);
      out.push({ ...base, kind: 'claim_review', key: `claim_review:${s.taskId}:${s.unitId}:${s.claimedDay}`, due });
    }
    if (s.claimStatus === 'returned') {
      const from = s.returnedDay ?? s.claimedDay ?? s.assignedDay;
      out.push({ ...base, kind: 'claim_returned', key: `claim_returned:${s.taskId}:${s.unitId}:${from}`, due: cal.addWorkdays(from, RECLAIM_WORKDAYS) });
    }
    if (s.claimStatus === 'submitted' || s.claimStatus === 'approved') reports(base, asKind(s.reportPeriod), s.reported, s.startDate);
    const due = s.role === 'lead' ? taskDueDate(s) : null;
    if (due) out.push({ ...base, kind: 'deadline', key: `deadline:${s.taskId}:${s.unitId}:${due}`, due });
  }
  for (const t of facts.targets) reports({ itemType: 'target', itemId: t.id, code: t.code, title: t.name, unitId: t.unitId, taskForceId: t.taskForceId }, asKind(t.period), t.reported, null);
  for (const p of facts.projects) {
    if (p.stage !== 'operating') reports({ itemType: 'project', itemId: p.id, code: p.code, title: p.name, unitId: p.unitId, taskForceId: p.taskForceId }, 'monthly', p.reported, null);
  }
  for (const m of facts.milestones) {
    out.push({ kind: 'milestone', key: `milestone:${m.id}:${m.due}`, itemType: 'task', itemId: m.taskId, code: m.code, title: m.title, unitId: m.unitId, taskForceId: m.taskForceId, due: m.due, milestone: m.name });
  }
  return out;
}
