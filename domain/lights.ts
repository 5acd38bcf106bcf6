import Decimal from 'decimal.js';
import type { WorkdayCalendar } from './calendar/workdays.js';
import { dayNumber, fromDayNumber, type IsoDate } from './calendar/days.js';
import { CLAIM_WORKDAYS, claimDeadline } from './claims.js';
import { targetFigure } from './targets.js';

export const LIGHTS = ['green', 'yellow', 'red', 'done', 'not_started'] as const;
export type Light = (typeof LIGHTS)[number];

/** Why a light has its colour; `code` picks the sentence, `params` fill it (see lightReasonText). */
export interface LightReason {
  code:
    | 'done'
    | 'not_started'
    | 'on_track'
    | 'overdue'
    | 'due_soon'
    | 'milestone_overdue'
    | 'behind_schedule'
    | 'stale_report'
    | 'no_report'
    | 'target_behind'
    | 'target_on_track'
    | 'no_deadline'
    | 'awaiting_claim'
    | 'claim_overdue'
    | 'investment_behind'
    | 'investment_on_track'
    | 'blocked';
  level: 'green' | 'yellow' | 'red';
  params: Record<string, string | number>;
}

export interface LightResult {
  light: Light;
  reasons: LightReason[];
}

/** Thresholds are configuration (HQ office may tune them); these are the defaults. */
export interface LightThresholds {
  /** Progress behind 序时进度 by at least this many points: yellow. */
  lagYellowPoints: number;
  /** … and by at least this many: red. */
  lagRedPoints: number;
  /** A milestone overdue by more than this many workdays is red (yellow before). */
  milestoneRedWorkdays: number;
  /** Deadline within this many workdays and progress below 100: yellow ("due soon"). */
  dueSoonWorkdays: number;
  dueSoonMinProgress: number;
  /** Target actual short of the trajectory by this fraction of the planned change: yellow / red. */
  targetYellowShortfall: number;
  targetRedShortfall: number;
  /** Workdays a unit has to claim a task after it was assigned (the HQ desk's 逾期未认领 uses the same). */
  claimWorkdays: number;
}

export const DEFAULT_THRESHOLDS: LightThresholds = {
  lagYellowPoints: 10,
  lagRedPoints: 25,
  milestoneRedWorkdays: 3,
  dueSoonWorkdays: 5,
  dueSoonMinProgress: 80,
  targetYellowShortfall: 0.05,
  targetRedShortfall: 0.15,
  claimWorkdays: CLAIM_WORKDAYS,
};

export type ReportPeriod = 'weekly' | 'monthly' | 'quarterly';
const PERIOD_DAYS: Record<ReportPeriod, number> = { weekly: 7, monthly: 31, quarterly: 92 };

export interface MilestoneFact {
  name: string;
  due: IsoDate | null;
  done: boolean;
}

export interface TargetFact {
  direction: 'higher' | 'lower';
  baseline: number;
  /** Latest accepted actual and the trajectory's expected value for the same period. */
  actual: number | null;
  expected: number | null;
  period: string | null;
  /** Decimals the target's figures are stated to (targetPrecision) and its unit of measure, for the reason's text. */
  decimals?: number;
  unit?: string;
  /** 累计值 and 当期值 compare the year to date with its plan: the shortfall is a share of the plan itself. */
  accumulation?: 'level' | 'cumulative' | 'periodic';
}

/** Everything a light is decided from. Any field may be missing or odd: the function never throws. */
export interface LightFacts {
  today: IsoDate;
  start?: IsoDate | null;
  deadline?: IsoDate | null;
  /** Task finished and accepted. */
  done?: boolean;
  /** Latest accepted progress, 0–100. */
  progress?: number | null;
  milestones?: MilestoneFact[];
  /** Date of the latest approved report, and how often reports are due. */
  lastReport?: IsoDate | null;
  reportPeriod?: ReportPeriod | null;
  target?: TargetFact | null;
  /** Set while no unit has claimed the task as its lead: the day it was assigned (Asia/Shanghai). */
  awaitingClaimSince?: IsoDate | null;
  /** A project's investment this year (万元, exact decimals as strings): planned for the year and done so far. */
  investment?: InvestmentFact | null;
  /** Unresolved blockers (堵点) holding the item back, oldest first. */
  blockedBy?: readonly BlockedBy[] | null;
}

export interface BlockedBy {
  title: string;
  level: 'unit' | 'task_force' | 'hq' | 'leading_group';
}

export interface InvestmentFact {
  year: number;
  planned: string;
  done: string;
}

const RANK: Record<LightReason['level'], number> = { green: 0, yellow: 1, red: 2 };
const valid = (d: IsoDate | null | undefined): d is IsoDate => typeof d === 'string' && !Number.isNaN(dayNumber(d));
const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
const clampPct = (n: number) => Math.max(0, Math.min(100, n));

/**
 * Expected progress at `today` (序时进度): share of the workdays from start to deadline already past
 * when today begins. Today itself is not yet past: on its first day a task is expected at 0 %, not
 * already behind by one day's share (which made a fresh task red on a workday and yellow on a Sunday).
 */
export function expectedProgress(cal: WorkdayCalendar, start: IsoDate, deadline: IsoDate, today: IsoDate): number {
  if (dayNumber(today) <= dayNumber(start)) return 0;
  if (dayNumber(today) >= dayNumber(deadline)) return 100;
  const total = cal.workdaysBetween(start, deadline);
  if (total <= 0) return 100;
  return Math.round((cal.workdaysBetween(start, fromDayNumber(dayNumber(today) - 1)) / total) * 1000) / 10;
}

/** Decides the light of a task, target or project from facts, with every reason that coloured it. */
export function computeLight(f: LightFacts, cal: WorkdayCalendar, t: LightThresholds = DEFAULT_THRESHOLDS): LightResult {
  if (!valid(f.today)) return { light: 'not_started', reasons: [{ code: 'not_started', level: 'green', params: {} }] };
  if (f.done) return { light: 'done', reasons: [{ code: 'done', level: 'green', params: {} }] };
  const progress = finite(f.progress) ? clampPct(f.progress) : null;
  if (valid(f.start) && dayNumber(f.today) < dayNumber(f.start) && !progress) {
    return { light: 'not_started', reasons: [{ code: 'not_started', level: 'green', params: { start: f.start } }] };
  }
  const reasons: LightReason[] = [];
  const deadline = valid(f.deadline) ? f.deadline : null;

  if (deadline) {
    const left = cal.workdaysUntil(f.today, deadline);
    if (left < 0) reasons.push({ code: 'overdue', level: 'red', params: { workdays: -left, deadline } });
    else if (progress !== null && left <= t.dueSoonWorkdays && progress < t.dueSoonMinProgress) {
      reasons.push({ code: 'due_soon', level: 'yellow', params: { workdays: left, deadline, progress } });
    }
    if (progress !== null && valid(f.start) && left >= 0 && dayNumber(f.start) <= dayNumber(deadline)) {
      const expected = expectedProgress(cal, f.start, deadline, f.today);
      const lag = expected - progress;
      if (lag >= t.lagRedPoints) reasons.push({ code: 'behind_schedule', level: 'red', params: { expected, progress } });
      else if (lag >= t.lagYellowPoints) reasons.push({ code: 'behind_schedule', level: 'yellow', params: { expected, progress } });
    }
  }

  for (const m of f.milestones ?? []) {
    if (!m || m.done || !valid(m.due)) continue;
    const left = cal.workdaysUntil(f.today, m.due);
    if (left < 0) {
      reasons.push({ code: 'milestone_overdue', level: -left > t.milestoneRedWorkdays ? 'red' : 'yellow', params: { name: String(m.name ?? ''), workdays: -left } });
    }
  }

  if (f.reportPeriod && PERIOD_DAYS[f.reportPeriod]) {
    const periodDays = PERIOD_DAYS[f.reportPeriod];
    const since = valid(f.lastReport) ? dayNumber(f.today) - dayNumber(f.lastReport) : null;
    const startedFor = valid(f.start) ? dayNumber(f.today) - dayNumber(f.start) : null;
    if (since === null) {
      if (startedFor !== null && startedFor > 2 * periodDays) reasons.push({ code: 'no_report', level: 'red', params: {} });
      else if (startedFor !== null && startedFor > periodDays) reasons.push({ code: 'no_report', level: 'yellow', params: {} });
    } else if (since > 2 * periodDays) reasons.push({ code: 'stale_report', level: 'red', params: { days: since, last: f.lastReport! } });
    else if (since > periodDays) reasons.push({ code: 'stale_report', level: 'yellow', params: { days: since, last: f.lastReport! } });
  }

  const tg = f.target;
  if (tg && finite(tg.actual) && finite(tg.expected) && finite(tg.baseline)) {
    // Exact decimals: in binary floating point an actual exactly 5 % short (0.665 of 0.7) came out 4.99… % and green.
    const [actual, expected, baseline] = [new Decimal(tg.actual), new Decimal(tg.expected), new Decimal(tg.baseline)];
    const span = expected.minus(baseline).abs();
    const fromZero = tg.accumulation === 'cumulative' || tg.accumulation === 'periodic';
    const planned = !fromZero && !span.isZero() ? span : !expected.isZero() ? expected.abs() : new Decimal(1);
    const short = tg.direction === 'lower' ? actual.minus(expected) : expected.minus(actual);
    const ratio = short.div(planned);
    const say = (d: Decimal) => (Number.isInteger(tg.decimals) ? targetFigure(d.toString(), tg.decimals!) : d.toDecimalPlaces(4).toString());
    const params = { actual: say(actual), expected: say(expected), period: tg.period ?? '', unit: tg.unit ?? '' };
    if (ratio.gte(t.targetRedShortfall)) reasons.push({ code: 'target_behind', level: 'red', params });
    else if (ratio.gte(t.targetYellowShortfall)) reasons.push({ code: 'target_behind', level: 'yellow', params });
    else reasons.push({ code: 'target_on_track', level: 'green', params });
  }

  const inv = investmentReason(f, cal, t);
  if (inv) reasons.push(inv);

  const datedMilestones = (f.milestones ?? []).some((m) => m && valid(m.due));
  const noDeadline = !deadline && !tg && !datedMilestones && !inv && reasons.length === 0;

  // A task no unit has claimed is not on track, whatever its 0 % says: it waits for its claim, and
  // turns yellow, then red, as the claim deadline passes (the HQ desk's 逾期未认领 counts the same days).
  let awaitingClaim = false;
  if (valid(f.awaitingClaimSince)) {
    const { due, lateWorkdays: late } = claimDeadline(cal, f.awaitingClaimSince, f.today, t.claimWorkdays);
    if (late > 0) reasons.push({ code: 'claim_overdue', level: late > t.milestoneRedWorkdays ? 'red' : 'yellow', params: { due, workdays: late } });
    else {
      reasons.push({ code: 'awaiting_claim', level: 'green', params: { due } });
      awaitingClaim = true;
    }
  }

  if (noDeadline) reasons.push({ code: 'no_deadline', level: 'green', params: {} });
  // Said, not scored: a unit that raises a 堵点 must not turn its own light for asking for help; the
  // colour comes from the work, and the last reason tells the reader what holds it back.
  const blocked = (f.blockedBy ?? []).filter((b) => b && typeof b.title === 'string');
  const blockedReason: LightReason[] = blocked.length ? [{ code: 'blocked', level: 'green', params: { count: blocked.length, title: blocked[0]!.title, level: blocked[0]!.level } }] : [];
  reasons.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const worst = reasons[0]?.level ?? 'green';
  if (worst === 'green' && awaitingClaim) return { light: 'not_started', reasons: [...reasons, ...blockedReason] };
  if (worst === 'green' && !reasons.some((r) => r.code === 'target_on_track' || r.code === 'no_deadline' || r.code === 'investment_on_track')) {
    reasons.push({ code: 'on_track', level: 'green', params: progress !== null ? { progress } : {} });
  }
  return { light: worst, reasons: [...reasons, ...blockedReason] };
}

/**
 * A project's investment this year against 序时: the year's plan pro rata to the workdays of the year
 * already past. Behind by the same points as a task's progress turns it yellow or red.
 */
function investmentReason(f: LightFacts, cal: WorkdayCalendar, t: LightThresholds): LightReason | null {
  const inv = f.investment;
  if (!inv || !Number.isInteger(inv.year) || f.today.slice(0, 4) !== String(inv.year)) return null;
  let planned: Decimal;
  let done: Decimal;
  try {
    [planned, done] = [new Decimal(inv.planned), new Decimal(inv.done)];
  } catch {
    return null;
  }
  if (!planned.isFinite() || !done.isFinite() || planned.lte(0)) return null;
  const expected = new Decimal(expectedProgress(cal, `${inv.year}-01-01`, `${inv.year}-12-31`, f.today));
  const rate = done.div(planned).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  const lag = expected.minus(rate);
  const params = { year: inv.year, planned: planned.toFixed(2), done: done.toFixed(2), rate: rate.toNumber(), expected: expected.toNumber() };
  if (lag.gte(t.lagRedPoints)) return { code: 'investment_behind', level: 'red', params };
  if (lag.gte(t.lagYellowPoints)) return { code: 'investment_behind', level: 'yellow', params };
  return { code: 'investment_on_track', level: 'green', params };
}

const LIGHT_RANK: Record<Light, number> = { done: 0, not_started: 0, green: 1, yellow: 2, red: 3 };

/** Roll-up of many lights (plan, area, task force, unit): counts per colour and the worst one. */
export function rollUpLights(lights: readonly Light[]): { light: Light; counts: Record<Light, number> } {
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, done: 0, not_started: 0 };
  let worst: Light = lights.length && lights.every((l) => l === 'done') ? 'done' : 'not_started';
  for (const l of lights) {
    counts[l]++;
    if (LIGHT_RANK[l] > LIGHT_RANK[worst]) worst = l;
  }
  return { light: worst, counts };
}

/**
 * The same roll-up from counts already made (a GROUP BY in the database): red when any is red,
 * else yellow, else green; done when everything is done; not started when nothing has begun.
 */
export function rollUpCounts(counts: Partial<Record<Light, number>>): { light: Light; counts: Record<Light, number> } {
  const c: Record<Light, number> = { green: 0, yellow: 0, red: 0, done: 0, not_started: 0 };
  for (const l of LIGHTS) c[l] = Math.max(0, Math.trunc(Number(counts[l] ?? 0)) || 0);
  const total = LIGHTS.reduce((s, l) => s + c[l], 0);
  let light: Light = total > 0 && c.done === total ? 'done' : 'not_started';
  for (const l of ['green', 'yellow', 'red'] as const) if (c[l] > 0) light = l;
  return { light, counts: c };
}
