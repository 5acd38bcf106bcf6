import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { isFuturePeriod, isPeriodOf, openPeriod, periodKindOf } from './reportPeriod.js';

const cal = new WorkdayCalendar();

describe('report periods', () => {
  it('recognises the kind of a period key', () => {
    expect(periodKindOf('2026-W20')).toBe('weekly');
    expect(periodKindOf('2026-05')).toBe('monthly');
    expect(periodKindOf('2026-Q2')).toBe('quarterly');
    expect(periodKindOf('2026-5')).toBeUndefined();
    expect(isPeriodOf('2026-13', 'monthly')).toBe(false);
    expect(isPeriodOf('2026-Q2', 'monthly')).toBe(false);
  });

  it('refuses periods that have not begun', () => {
    expect(isFuturePeriod('2026-06', '2026-05-31')).toBe(true);
    expect(isFuturePeriod('2026-05', '2026-05-01')).toBe(false);
    expect(isFuturePeriod('2026-04', '2026-05-20')).toBe(false);
  });

  it('asks for the previous period while its report is still due, then for the current one', () => {
    // May 2026 ends on Sunday the 31st; five workdays later is Friday 5 June.
    expect(openPeriod('monthly', '2026-06-05', cal)).toEqual({ period: '2026-05', dueDate: '2026-06-05' });
    expect(openPeriod('monthly', '2026-06-08', cal).period).toBe('2026-06');
    expect(openPeriod('quarterly', '2026-07-02', cal).period).toBe('2026-Q2');
  });
});
