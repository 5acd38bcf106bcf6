import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { caseFigures, itemWatchReason, watchCutoff } from './oversight.js';

describe('遏增清存 figures', () => {
  const cases = [
    { opened: '2026-03-01', closed: null }, // open all along
    { opened: '2026-03-02', closed: '2026-04-10' }, // old, cleared in the period
    { opened: '2026-03-03', closed: '2026-03-31' }, // cleared the day before
    { opened: '2026-04-01', closed: '2026-04-30' }, // new and cleared within
    { opened: '2026-04-15', closed: null }, // new, still open
    { opened: '2026-05-01', closed: null }, // after the period
    { opened: '2026-04-30', closed: '2026-05-02' }, // new, cleared after
  ];
  it('counts new, closed and the stock at both ends, and the stock adds up', () => {
    const f = caseFigures(cases, '2026-04-01', '2026-04-30');
    expect(f).toEqual({ from: '2026-04-01', to: '2026-04-30', opened: 3, closed: 2, stockAtStart: 2, stockAtEnd: 3 });
    expect(f.stockAtEnd).toBe(f.stockAtStart + f.opened - f.closed);
  });
  it('has nothing in an empty period', () => {
    expect(caseFigures([], '2026-01-01', '2026-01-31')).toMatchObject({ opened: 0, closed: 0, stockAtStart: 0, stockAtEnd: 0 });
  });
});

describe('the watch (监督哨)', () => {
  const cal = new WorkdayCalendar();
  it('looks back in workdays, over a weekend too', () => {
    expect(watchCutoff(cal, '2026-06-10', 10)).toBe('2026-05-27');
    expect(watchCutoff(cal, '2026-06-15', 1)).toBe('2026-06-12');
    expect(watchCutoff(cal, '2026-06-10', 0)).toBe('2026-06-10');
  });
  it('names an item overdue at least the threshold, else red since the cutoff or before records', () => {
    const overdue = (workdays: number) => [{ code: 'overdue' as const, params: { workdays } }];
    expect(itemWatchReason({ light: 'red', reasons: overdue(12), redSince: '2026-06-09' }, 10, '2026-05-27')).toEqual({ source: 'overdue', workdays: 12 });
    expect(itemWatchReason({ light: 'red', reasons: overdue(3), redSince: '2026-06-09' }, 10, '2026-05-27')).toBeNull();
    expect(itemWatchReason({ light: 'red', reasons: overdue(3), redSince: '2026-05-20' }, 10, '2026-05-27')).toEqual({ source: 'red_light', since: '2026-05-20' });
    expect(itemWatchReason({ light: 'red', reasons: [], redSince: null }, 10, '2026-05-27')).toEqual({ source: 'red_light', since: null });
    expect(itemWatchReason({ light: 'yellow', reasons: [{ code: 'milestone_overdue', params: { workdays: 11 } }], redSince: null }, 10, '2026-05-27')).toEqual({ source: 'overdue', workdays: 11 });
    expect(itemWatchReason({ light: 'green', reasons: [], redSince: null }, 10, '2026-05-27')).toBeNull();
  });
});
