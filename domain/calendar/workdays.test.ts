import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkdayCalendar } from './workdays.js';
import { fromDayNumber, dayNumber, shanghaiDate, shanghaiDateTime, isIsoDate } from './days.js';

const cal = new WorkdayCalendar();

describe('China workday calendar', () => {
  it('counts 248 workdays in 2026', () => {
    expect(cal.workdaysBetween('2026-01-01', '2026-12-31')).toBe(248);
  });
  it('knows holidays and make-up workdays (调休)', () => {
    expect(cal.isWorkday('2026-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkday('2026-01-04')).toBe(true); // a Sunday made a workday
    expect(cal.isWorkday('2026-05-11')).toBe(true); // an ordinary Monday
    expect(cal.isWorkday('2026-05-09')).toBe(true); // a Saturday made a workday (劳动节调休)
    expect(cal.isWorkday('2026-05-16')).toBe(false); // an ordinary Saturday
  });
  it('moves a deadline on a holiday to the next workday', () => {
    expect(cal.addWorkdays('2026-10-01', 0)).toBe('2026-10-08');
  });
  it('counts "N workdays before" across a holiday', () => {
    expect(cal.addWorkdays('2026-10-09', -3)).toBe('2026-09-29');
  });
  it('measures overdue in workdays', () => {
    expect(cal.workdaysUntil('2026-05-14', '2026-05-11')).toBe(-3);
    expect(cal.workdaysUntil('2026-05-11', '2026-05-11')).toBe(0);
    expect(cal.workdaysUntil('2026-05-15', '2026-05-18')).toBe(1); // Friday to Monday
    expect(cal.workdaysUntil('2026-05-08', '2026-05-11')).toBe(2); // across the make-up Saturday
  });
  it('lets local overrides win', () => {
    const local = new WorkdayCalendar(new Map([['2026-05-11', false]]));
    expect(local.isWorkday('2026-05-11')).toBe(false);
    expect(local.workdaysBetween('2026-01-01', '2026-12-31')).toBe(247);
  });
  it('uses Asia/Shanghai for today', () => {
    expect(shanghaiDate(new Date('2026-05-10T16:30:00Z'))).toBe('2026-05-11');
    expect(shanghaiDateTime(new Date('2026-05-10T16:30:05.123Z'))).toBe('2026-05-11 00:30:05');
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(() => cal.workdaysBetween('2026-13-01', '2026-12-31')).toThrow(RangeError);
  });
  it('adding n workdays then counting gives n back', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-12-31') }), fc.integer({ min: 1, max: 300 }), (start, n) => {
        const d = cal.addWorkdays(fromDayNumber(start), 0);
        const end = cal.addWorkdays(d, n);
        expect(cal.workdaysBetween(d, end)).toBe(n + 1);
        expect(cal.workdaysUntil(d, end)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
