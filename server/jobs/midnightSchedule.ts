import { shanghaiDate } from '../../domain/calendar/days.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time.
const DAY_MS = 86_400_000;

/** The first 00:00 Asia/Shanghai strictly after `now`. */
export function nextShanghaiMidnight(now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const nextLocalMidnight = (Math.floor(local / DAY_MS) + 1) * DAY_MS;
  return new Date(nextLocalMidnight - SHANGHAI_OFFSET_MS);
}

/** Milliseconds to wait from `now` until the next run (never negative). */
export const delayUntilNextRun = (now: Date): number => Math.max(0, nextShanghaiMidnight(now).getTime() - now.getTime());

/**
 * Whether the job is due: it has not run yet on today's date in Asia/Shanghai. The same test serves
 * the start (a server that was down at midnight catches up) and the timer (a timer that fires a
 * little early, or twice, finds the day already done and waits for the next one).
 */
export const runIsDue = (lastRun: string | null, now: Date): boolean => lastRun === null || lastRun < shanghaiDate(now);
