import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from './days.js';
import { WorkdayCalendar } from './workdays.js';

/** The plain definition: walk every day. The calendar counts through cached running totals instead. */
function walk(cal: WorkdayCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = dayNumber(from); d <= dayNumber(to); d++) if (cal.isWorkday(fromDayNumber(d))) n++;
  return n;
}

describe('counting workdays between two dates', () => {
  const day = fc.integer({ min: dayNumber('2019-06-01'), max: dayNumber('2031-06-30') }).map(fromDayNumber);

  it('agrees with walking every day, across years, holidays and local overrides', () => {
    const overrides = new Map([
      ['2026-10-10', true],
      ['2026-06-01', false],
    ]);
    fc.assert(
      fc.property(day, day, fc.boolean(), (a, b, local) => {
        const cal = new WorkdayCalendar(local ? overrides : new Map());
        expect(cal.workdaysBetween(a, b)).toBe(walk(cal, a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the known figures: 248 workdays in 2026, one for a single workday, none backwards', () => {
    const cal = new WorkdayCalendar();
    expect(cal.workdaysBetween('2026-01-01', '2026-12-31')).toBe(248);
    expect(cal.workdaysBetween('2026-11-27', '2026-11-27')).toBe(1);
    expect(cal.workdaysBetween('2026-11-28', '2026-11-28')).toBe(0);
    expect(cal.workdaysBetween('2026-12-31', '2026-01-01')).toBe(0);
    expect(() => cal.workdaysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
