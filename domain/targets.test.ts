import { describe, expect, it } from 'vitest';
import { forecastYearEnd, trajectory } from './targets.js';
import { periodOf, periodRange, periodsOfYear, reportDueDate } from './periods.js';
import { WorkdayCalendar } from './calendar/workdays.js';

describe('periods', () => {
  it('names months, quarters and ISO weeks', () => {
    expect(periodOf('2026-05-10', 'monthly')).toBe('2026-05');
    expect(periodOf('2026-05-10', 'quarterly')).toBe('2026-Q2');
    expect(periodOf('2026-01-01', 'weekly')).toBe('2026-W01');
    expect(periodOf('2027-01-01', 'weekly')).toBe('2026-W53');
    expect(periodRange('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodRange('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodRange('2026-13')).toBeUndefined();
    expect(periodsOfYear(2026, 'weekly')).toHaveLength(53);
  });
  it('makes a report due 5 workdays after its period, skipping the National Day holiday', () => {
    expect(reportDueDate('2026-09', new WorkdayCalendar())).toBe('2026-10-13');
  });
});

describe('target trajectory and forecast', () => {
  const t = { baseline: '100', goals: [{ year: 2026, goal: '112' }, { year: 2027, goal: '124' }], period: 'monthly' as const };
  it('runs linearly from the baseline to each year goal, in exact decimals', () => {
    const tr = trajectory(t);
    expect(tr).toHaveLength(24);
    expect(tr[0]).toEqual({ period: '2026-01', year: 2026, expected: '101.0000' });
    expect(tr[11]!.expected).toBe('112.0000');
    expect(tr[12]!.expected).toBe('113.0000');
  });
  it('takes entered points over the linear ones', () => {
    expect(trajectory({ ...t, entered: new Map([['2026-03', '99.5']]) })[2]!.expected).toBe('99.5');
  });
  it('forecasts the year end from the trend and says whether 首战告捷 will be met', () => {
    const onPace = forecastYearEnd({ ...t, direction: 'higher' }, 2026, [
      { period: '2026-01', value: '101' },
      { period: '2026-02', value: '102' },
      { period: '2026-03', value: '103' },
    ]);
    expect(onPace).toEqual({ year: 2026, value: '112.0000', goal: '112', willMeet: true });
    const slow = forecastYearEnd({ ...t, direction: 'higher' }, 2026, [
      { period: '2026-01', value: '100.5' },
      { period: '2026-02', value: '101' },
    ]);
    expect(slow.willMeet).toBe(false);
    expect(forecastYearEnd({ ...t, direction: 'higher' }, 2026, []).value).toBeNull();
  });
  it('adds 0.1 ten times to exactly 1 (no floating point)', () => {
    const tr = trajectory({ baseline: '0', goals: [{ year: 2026, goal: '1.2' }], period: 'monthly' });
    expect(tr[9]!.expected).toBe('1.0000');
  });
});
