import { shanghaiDate } from '../domain/calendar/days.js';

/**
 * The program's "now": what today is for deadlines, lights, claims, reports and the demo.
 * One clock, so that a test can put the whole server on a chosen day (a year's last workday,
 * a Spring Festival week, 29 February) instead of passing or failing by the calendar.
 * Production never moves it: only test entry points call `setClockForTests`
 * (e2e/clockedServer.ts, the vitest setup file), and `server/main.ts` reads no clock setting.
 * Audit records are stamped by it too, so that an item's history (audit records beside report
 * steps) keeps its order. Sessions and lockouts stay on real time (the database's now()): they
 * guard access and never meet a program date.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today in Asia/Shanghai on the program's clock (YYYY-MM-DD). */
export function today(): string {
  return shanghaiDate(now());
}

/** Tests only: from now on the clock reads `at` and runs on from there; null puts it back on real time. */
export function setClockForTests(at: Date | string | null): void {
  offsetMs = at === null ? 0 : new Date(at).getTime() - Date.now();
}

/** TUIJIN_TEST_NOW as the test entry points read it: an ISO instant, or a day (10:00 Asia/Shanghai). */
export function parseTestNow(value: string | undefined): Date | null {
  if (!value) return null;
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T10:00:00+08:00` : value);
  if (Number.isNaN(at.getTime())) throw new Error(`TUIJIN_TEST_NOW is not a date: ${value}`);
  return at;
}
