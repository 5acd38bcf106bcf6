import { dayNumber, fromDayNumber, weekday, type IsoDate } from './calendar/days.js';
import type { WorkdayCalendar } from './calendar/workdays.js';

export type PeriodKind = 'weekly' | 'monthly' | 'quarterly';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period a date falls in: 2026-05, 2026-Q2, or the ISO week 2026-W20. */
export function periodOf(d: IsoDate, kind: PeriodKind): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  if (kind === 'monthly') return `${y}-${pad(m)}`;
  if (kind === 'quarterly') return `${y}-Q${Math.ceil(m / 3)}`;
  const n = dayNumber(d);
  const thursday = n - ((weekday(n) + 6) % 7) + 3; // ISO weeks belong to the year of their Thursday
  const wy = Number(fromDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${wy}-01-01`)) / 7) + 1;
  return `${wy}-W${pad(week)}`;
}

/** First and last day of a period key; undefined for a malformed key. */
export function periodRange(p: string): { start: IsoDate; end: IsoDate } | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${pad(mo + 1)}-01`;
    return { start: `${y}-${pad(mo)}-01`, end: fromDayNumber(dayNumber(next) - 1) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const next = q === 4 ? `${y + 1}-01-01` : `${y}-${pad(q * 3 + 1)}-01`;
    return { start: `${y}-${pad(q * 3 - 2)}-01`, end: fromDayNumber(dayNumber(next) - 1) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(p);
  if (m) {
    const y = Number(m[1]);
    const w = Number(m[2]);
    const jan4 = dayNumber(`${y}-01-04`);
    const monday = jan4 - ((weekday(jan4) + 6) % 7) + (w - 1) * 7;
    if (w < 1 || w > 53 || periodOf(fromDayNumber(monday + 3), 'weekly') !== p) return undefined;
    return { start: fromDayNumber(monday), end: fromDayNumber(monday + 6) };
  }
  return undefined;
}

/** The periods of a year, in order (weekly: ISO weeks whose Thursday is in the year). */
export function periodsOfYear(year: number, kind: PeriodKind): string[] {
  if (kind === 'monthly') return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
  if (kind === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  const out: string[] = [];
  for (let w = 1; w <= 53; w++) if (periodRange(`${year}-W${pad(w)}`)) out.push(`${year}-W${pad(w)}`);
  return out;
}

/** A period's report is due this many workdays after the period ends (configurable; 5 by default). */
export function reportDueDate(period: string, cal: WorkdayCalendar, graceWorkdays = 5): IsoDate | undefined {
  const r = periodRange(period);
  return r ? cal.addWorkdays(r.end, graceWorkdays) : undefined;
}
