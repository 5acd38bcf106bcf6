import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayNumber, fromDayNumber, weekday, type IsoDate } from './days.js';

/** Statutory holidays and make-up workdays (调休) published by the State Council, bundled. */
const HOLIDAYS = new Set(Object.keys((data as { holidays: Record<string, string> }).holidays));
const MAKEUP_WORKDAYS = new Set(Object.keys((data as { workdays: Record<string, string> }).workdays));
const LAST_PUBLISHED_YEAR = Math.max(...[...HOLIDAYS].map((d) => Number(d.slice(0, 4))));

/** Local decisions entered by an admin: date → true (work) or false (rest). They win over the bundle. */
export type CalendarOverrides = ReadonlyMap<IsoDate, boolean>;

const yearOf = (day: number): number => Number(fromDayNumber(day).slice(0, 4));

export class WorkdayCalendar {
  private readonly years = new Map<number, Uint16Array>();

  constructor(private readonly overrides: CalendarOverrides = new Map()) {}

  /** Whether a year's holidays come from published data (later years fall back to Monday–Friday). */
  static published(year: number): boolean {
    return year <= LAST_PUBLISHED_YEAR;
  }

  /** The last year whose State Council holiday schedule is bundled. */
  static readonly lastPublishedYear = LAST_PUBLISHED_YEAR;

  isWorkday(d: IsoDate): boolean {
    const local = this.overrides.get(d);
    if (local !== undefined) return local;
    if (HOLIDAYS.has(d)) return false;
    if (MAKEUP_WORKDAYS.has(d)) return true;
    const wd = weekday(dayNumber(d));
    return wd !== 0 && wd !== 6;
  }

  /** Workdays from `from` to `to`, both included; 0 when `to` is before `from`. */
  workdaysBetween(from: IsoDate, to: IsoDate): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (Number.isNaN(a) || Number.isNaN(b)) throw new RangeError(`not a date: ${Number.isNaN(a) ? from : to}`);
    if (b < a) return 0;
    // Year by year through cached running counts: lights ask this for every task every night,
    // and walking each day of a three-year span is what made that slow.
    let n = 0;
    for (let y = yearOf(a); y <= yearOf(b); y++) {
      const start = dayNumber(`${String(y).padStart(4, '0')}-01-01`);
      const counts = this.runningCounts(y, start);
      n += counts[Math.min(b - start + 1, counts.length - 1)]! - counts[Math.max(a - start, 0)]!;
    }
    return n;
  }

  /** counts[i] = workdays among the first i days of the year; computed once per year and calendar. */
  private runningCounts(year: number, start: number): Uint16Array {
    let counts = this.years.get(year);
    if (!counts) {
      const days = dayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - start;
      counts = new Uint16Array(days + 1);
      for (let i = 0; i < days; i++) counts[i + 1] = counts[i]! + (this.isWorkday(fromDayNumber(start + i)) ? 1 : 0);
      this.years.set(year, counts);
    }
    return counts;
  }

  /**
   * The date `n` workdays after `d` (before it when n < 0). With n = 0, `d` itself when it is a
   * workday, else the next workday: a deadline that falls on a holiday moves to the next workday.
   */
  addWorkdays(d: IsoDate, n: number): IsoDate {
    let day = dayNumber(d);
    if (Number.isNaN(day)) throw new RangeError(`not a date: ${d}`);
    if (n === 0) {
      while (!this.isWorkday(fromDayNumber(day))) day++;
      return fromDayNumber(day);
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (this.isWorkday(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /**
   * Signed workday distance from `today` to `deadline`: positive = workdays left after today,
   * 0 = due today, negative = workdays overdue. Used by lights ("逾期3个工作日").
   */
  workdaysUntil(today: IsoDate, deadline: IsoDate): number {
    const a = dayNumber(today);
    const b = dayNumber(deadline);
    if (b >= a) return b === a ? 0 : this.workdaysBetween(fromDayNumber(a + 1), deadline);
    return -this.workdaysBetween(fromDayNumber(b + 1), today);
  }
}
