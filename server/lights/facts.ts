import { shanghaiDate } from '../../domain/calendar/days.js';
import { taskDueDate } from '../../domain/deadlines.js';
import type { InvestmentFact, LightFacts, ReportPeriod } from '../../domain/lights.js';
import { latestActual, targetVerdicts, type TargetVerdicts } from '../../domain/targetOutlook.js';
import { targetPrecision, yearToDate } from '../../domain/targets.js';
import type { Direction, TargetAccumulation } from '../../domain/work.js';
import type { PeriodKind } from '../../domain/periods.js';
import { PROJECT_STAGES } from '../../domain/work.js';
import type { milestones, projects, targetActuals, targets, tasks } from '../db/schema/index.js';

/**
 * Stored rows → the facts a light is decided from. Shared by the one-item refresh (after a command)
 * and the bulk refresh (midnight job, demo load), so both colour an item the same way.
 */

type TaskRow = Pick<typeof tasks.$inferSelect, 'startDate' | 'deadlineKind' | 'deadline' | 'nextDue' | 'done' | 'progress' | 'lastReportDate' | 'reportPeriod'>;
type MilestoneRow = Pick<typeof milestones.$inferSelect, 'name' | 'due' | 'doneOn'>;

export function taskFacts(t: TaskRow, ms: readonly MilestoneRow[], today: string, awaitingClaimSince: string | null = null): LightFacts {
  return {
    today,
    awaitingClaimSince,
    start: t.startDate,
    deadline: taskDueDate(t),
    done: t.done,
    progress: Number(t.progress),
    milestones: ms.map((m) => ({ name: m.name, due: m.due, done: !!m.doneOn })),
    lastReport: t.lastReportDate,
    reportPeriod: t.reportPeriod as ReportPeriod,
  };
}

type TargetRow = Pick<typeof targets.$inferSelect, 'baseline' | 'direction' | 'period' | 'measureUnit' | 'accumulation'>;
type ActualRow = Pick<typeof targetActuals.$inferSelect, 'period' | 'value' | 'acceptedAt'>;

/**
 * A target's standing at its latest accepted period against the trajectory for that period, on the
 * footing its figures add up on (the year to date for 累计值 and 当期值, the level for 时点值), and
 * staleness. `actuals` holds at least the latest year's.
 */
export function targetFacts(
  t: TargetRow,
  goals: readonly { year: number; goal: string }[],
  entered: readonly { period: string; expected: string }[],
  actuals: readonly ActualRow[],
  today: string,
): LightFacts {
  const input = {
    baseline: t.baseline,
    goals: goals.map((g) => ({ year: g.year, goal: g.goal })),
    period: t.period as 'monthly' | 'quarterly',
    entered: new Map(entered.map((e) => [e.period, e.expected])),
    accumulation: t.accumulation as TargetAccumulation,
  };
  const latest = latestActual(actuals);
  const ytd = latest ? yearToDate(input, Number(latest.period.slice(0, 4)), actuals) : null;
  const firstYear = goals.map((g) => g.year).sort()[0];
  return {
    today,
    start: firstYear ? `${firstYear}-01-01` : null,
    lastReport: latest ? shanghaiDate(latest.acceptedAt) : null,
    reportPeriod: t.period as ReportPeriod,
    target:
      latest && ytd
        ? {
            direction: t.direction as 'higher' | 'lower',
            baseline: Number(t.baseline),
            actual: Number(ytd.actual),
            expected: Number(ytd.expected),
            period: latest.period,
            decimals: targetPrecision([t.baseline, ...goals.map((g) => g.goal), latest.value]),
            unit: t.measureUnit,
            accumulation: input.accumulation,
          }
        : null,
  };
}

const STAGE_NAMES: Record<string, string> = { planning: '谋划', signed: '签约', started: '开工', building: '在建', operating: '投产' };

type ProjectRow = Pick<typeof projects.$inferSelect, 'stage' | 'stageDates' | 'lastReportDate'>;

/**
 * A project's light: planned stage dates not yet reached are its milestones (投产 the last), reports
 * are monthly, and this year's investment is held against its plan pro rata (序时).
 */
export function projectFacts(p: ProjectRow, today: string, investment: InvestmentFact | null = null): LightFacts {
  const dates = (p.stageDates ?? {}) as Record<string, { planned?: string; actual?: string }>;
  const reached = PROJECT_STAGES.indexOf(p.stage as (typeof PROJECT_STAGES)[number]);
  return {
    today,
    start: dates.planning?.actual ?? dates.planning?.planned ?? null,
    done: p.stage === 'operating',
    milestones: PROJECT_STAGES.map((s, i) => ({ name: STAGE_NAMES[s]!, due: dates[s]?.planned ?? null, done: i <= reached })),
    lastReport: p.lastReportDate,
    reportPeriod: 'monthly',
    investment,
  };
}

/** A target's verdicts for this year and its program's first year, to store beside its light. */
export function storedVerdicts(
  t: Pick<TargetRow, 'baseline' | 'direction' | 'period' | 'accumulation'>,
  firstYear: number,
  year: number,
  goals: readonly { year: number; goal: string }[],
  actuals: readonly { period: string; value: string }[],
): TargetVerdicts {
  const input = { baseline: t.baseline, goals: goals.map((g) => ({ year: g.year, goal: g.goal })), period: t.period as PeriodKind, direction: t.direction as Direction, accumulation: t.accumulation as TargetAccumulation };
  return targetVerdicts(input, year, firstYear, actuals);
}
