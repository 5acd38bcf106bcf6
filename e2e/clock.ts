// The day the end-to-end run lives on: the server and every browser page read the same clock, so
// a flow that records "this period's" actual or a deadline "ten days ago" means the same thing on
// any real day. E2E_DAY picks another day (e.g. E2E_DAY=2026-12-31 npm test) to try one.
import { inject } from 'vitest';
import { shanghaiDate } from '../domain/calendar/days.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Program clock minus real time, in ms (set by globalSetup, read by tests and pages). */
    clockOffsetMs: number;
  }
}

/** A mid-year Wednesday away from every holiday: periods of the year have begun and the year is not over. */
export const DEFAULT_E2E_DAY = '2026-06-10';

/** The offset that puts "now" at 10:00 Asia/Shanghai on the e2e day (taken once, by globalSetup). */
export function e2eClockOffset(day = process.env.E2E_DAY ?? DEFAULT_E2E_DAY): number {
  return new Date(`${day}T10:00:00+08:00`).getTime() - Date.now();
}

/** Now on the run's clock. */
export const e2eNow = (): Date => new Date(Date.now() + inject('clockOffsetMs'));

/** Today (YYYY-MM-DD, Asia/Shanghai) on the run's clock, `days` away. */
export const e2eDay = (days = 0): string => shanghaiDate(new Date(e2eNow().getTime() + days * 86_400_000));
