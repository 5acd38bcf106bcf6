import { describe, expect, it } from 'vitest';
import { blockerAge, dashboardRange, verdictCounts } from './dashboard.js';

describe('the dashboard’s periods and groupings', () => {
  it('takes this week from Monday to Sunday, the month, the quarter and the year around today', () => {
    expect(dashboardRange('week', '2026-06-10')).toEqual({ from: '2026-06-08', to: '2026-06-14' });
    expect(dashboardRange('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(dashboardRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(dashboardRange('quarter', '2026-11-05')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(dashboardRange('year', '2026-06-10')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('takes custom days as given, in order', () => {
    expect(dashboardRange('custom', '2026-06-10', { from: '2026-05-01', to: '2026-05-20' })).toEqual({ from: '2026-05-01', to: '2026-05-20' });
    expect(dashboardRange('custom', '2026-06-10', { from: '2026-05-20', to: '2026-05-01' })).toEqual({ from: '2026-05-01', to: '2026-05-20' });
  });
  it('ages blockers by workdays at their level', () => {
    expect([0, 5, 6, 20, 21].map(blockerAge)).toEqual(['fresh', 'fresh', 'waiting', 'waiting', 'stuck']);
  });
  it('counts verdicts, the unknown ones apart', () => {
    expect(verdictCounts([{ willMeet: true }, { willMeet: false }, { willMeet: null }, { willMeet: true }])).toEqual({ met: 2, missed: 1, unknown: 1 });
  });
});
