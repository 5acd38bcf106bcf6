import { describe, expect, it } from 'vitest';
import { yearOutlook } from './targetOutlook.js';

const t = { baseline: '100', goals: [{ year: 2026, goal: '112' }, { year: 2027, goal: '124' }], period: 'quarterly' as const, direction: 'higher' as const };

describe('year outlook (首战告捷)', () => {
  it('forecasts from the trend while the year runs', () => {
    expect(yearOutlook(t, 2026, [{ period: '2026-Q1', value: '103' }, { period: '2026-Q2', value: '106' }])).toEqual({
      year: 2026,
      goal: '112',
      value: '112.0000',
      basis: 'trend',
      willMeet: true,
    });
    expect(yearOutlook(t, 2026, [{ period: '2026-Q1', value: '101' }]).willMeet).toBe(false);
  });
  it('judges a finished year by its final actual', () => {
    const r = yearOutlook(t, 2026, [{ period: '2026-Q3', value: '150' }, { period: '2026-Q4', value: '111.5' }]);
    expect(r).toEqual({ year: 2026, goal: '112', value: '111.5000', basis: 'final', willMeet: false });
  });
  it('says nothing without actuals, and reads "lower is better" the right way round', () => {
    expect(yearOutlook(t, 2027, [])).toEqual({ year: 2027, goal: '124', value: null, basis: 'none', willMeet: null });
    const lower = { ...t, baseline: '50', goals: [{ year: 2026, goal: '40' }], direction: 'lower' as const };
    expect(yearOutlook(lower, 2026, [{ period: '2026-Q1', value: '47' }, { period: '2026-Q2', value: '44' }]).willMeet).toBe(true);
  });
});
