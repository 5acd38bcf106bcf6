import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { isFuturePeriod, isPeriodOf, openPeriod, periodKindOf, reportablePeriods } from './reportPeriod.js';

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

describe('periods a report may be for (issue 17 item 12)', () => {
  it('offers the current period and those before it, newest first, marking the one that is due', () => {
    const cal = new WorkdayCalendar();
    const monthly = reportablePeriods('monthly', '2026-12-03', cal, 4);
    expect(monthly.map((p) => p.period)).toEqual(['2026-12', '2026-11', '2026-10', '2026-09']);
    // On 3 December November's report is still due (five workdays' grace): it is the open one.
    expect(monthly.find((p) => p.open)?.period).toBe('2026-11');
    expect(monthly[1]!.dueDate).toBe('2026-12-07');
    expect(reportablePeriods('quarterly', '2026-01-20', cal, 3).map((p) => p.period)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(reportablePeriods('weekly', '2026-01-02', cal, 2).map((p) => p.period)).toEqual(['2026-W01', '2025-W52']);
  });
});
