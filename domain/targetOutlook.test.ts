import { describe, expect, it } from 'vitest';
import { latestActual, targetVerdicts, yearOutlook } from './targetOutlook.js';

const t = { baseline: '100', goals: [{ year: 2026, goal: '112' }, { year: 2027, goal: '124' }], period: 'quarterly' as const, direction: 'higher' as const };

describe('year outlook (首战告捷)', () => {
  it('forecasts from the trend while the year runs', () => {
    expect(yearOutlook(t, 2026, [{ period: '2026-Q1', value: '103' }, { period: '2026-Q2', value: '106' }])).toEqual({
      year: 2026,
      goal: '112',
      value: '112',
      basis: 'trend',
      willMeet: true,
    });
    expect(yearOutlook(t, 2026, [{ period: '2026-Q1', value: '101' }]).willMeet).toBe(false);
  });
  it('judges a finished year by its final actual', () => {
    const r = yearOutlook(t, 2026, [{ period: '2026-Q3', value: '150' }, { period: '2026-Q4', value: '111.5000' }]);
    expect(r).toEqual({ year: 2026, goal: '112', value: '111.5', basis: 'final', willMeet: false });
  });
  it('says nothing without actuals, and reads "lower is better" the right way round', () => {
    expect(yearOutlook(t, 2027, [])).toEqual({ year: 2027, goal: '124', value: null, basis: 'none', willMeet: null });
    const lower = { ...t, baseline: '50', goals: [{ year: 2026, goal: '40' }], direction: 'lower' as const };
    expect(yearOutlook(lower, 2026, [{ period: '2026-Q1', value: '47' }, { period: '2026-Q2', value: '44' }]).willMeet).toBe(true);
  });
  it('states a forecast as precisely as the figures it comes from, and judges the stated value', () => {
    // Points (0, 100), (1, 103.3), (2, 106.7): the trend reaches 113.38333… at Q4; the figures have one decimal.
    const one = { ...t, goals: [{ year: 2026, goal: '113.4' }] };
    const r = yearOutlook(one, 2026, [{ period: '2026-Q1', value: '103.3000' }, { period: '2026-Q2', value: '106.7000' }]);
    expect(r).toEqual({ year: 2026, goal: '113.4', value: '113.4', basis: 'trend', willMeet: true });
    // Integers throughout: (0, 100), (1, 103), (2, 106), (3, 108) trend to 111.0, stated as 111.
    const ints = yearOutlook(t, 2026, [{ period: '2026-Q1', value: '103' }, { period: '2026-Q2', value: '106' }, { period: '2026-Q3', value: '108' }]);
    expect(ints).toMatchObject({ value: '111', willMeet: false });
  });
  it("starts the trend from last year's final actual when it was reported, else from last year's goal", () => {
    // 2027's goal 124 after a 2026 goal of 112; 2026 actually ended at 106.
    const q1 = [{ period: '2027-Q1', value: '110' }];
    // From the goal: (0, 112), (1, 110) fall by 2 a quarter → 104. From the final actual: (0, 106), (1, 110) rise by 4 → 122.
    expect(yearOutlook(t, 2027, q1)).toMatchObject({ value: '104', willMeet: false });
    expect(yearOutlook(t, 2027, [{ period: '2026-Q4', value: '106' }, ...q1])).toMatchObject({ value: '122', basis: 'trend', willMeet: false });
    expect(yearOutlook(t, 2027, [{ period: '2026-Q4', value: '106' }, { period: '2027-Q1', value: '111' }])).toMatchObject({ value: '126', willMeet: true });
  });
  it('finds the newest actual by period', () => {
    expect(latestActual([{ period: '2026-03' }, { period: '2026-10' }, { period: '2025-12' }])).toEqual({ period: '2026-10' });
    expect(latestActual([])).toBeNull();
  });
});

describe('the verdicts stored with a target’s light (dashboard 首战告捷)', () => {
  it('judges this year and the first year each on its own figures, and once when they are the same year', () => {
    const t = { baseline: '100', goals: [{ year: 2025, goal: '105' }, { year: 2026, goal: '112' }], period: 'monthly' as const, direction: 'higher' as const };
    const actuals = [
      { period: '2025-12', value: '106' },
      { period: '2026-01', value: '101' },
      { period: '2026-02', value: '101.2' },
    ];
    expect(targetVerdicts(t, 2026, 2025, actuals)).toEqual({ year: 2026, willMeet: false, firstYear: 2025, firstWillMeet: true });
    expect(targetVerdicts(t, 2025, 2025, actuals)).toEqual({ year: 2025, willMeet: true, firstYear: 2025, firstWillMeet: true });
    expect(targetVerdicts(t, 2026, 2025, [])).toEqual({ year: 2026, willMeet: null, firstYear: 2025, firstWillMeet: null });
  });
});
