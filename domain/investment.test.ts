import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { investmentByMonth, yearInvestment } from './investment.js';

describe('investment by month', () => {
  it('keeps money exact: 0.10 + 0.20 is 0.30', () => {
    const r = investmentByMonth(
      [{ year: 2026, planned: '0.10' }, { year: 2027, planned: '0.20' }],
      [{ month: '2026-03', done: '0.10' }, { month: '2026-04', done: '0.20' }],
    );
    expect(r.totals).toEqual({ planned: '0.30', done: '0.30' });
    expect(r.months.find((m) => m.month === '2026-04')!.doneCumulative).toBe('0.30');
    expect(r.months.find((m) => m.month === '2026-12')!.plannedCumulative).toBe('0.10');
  });
  it('spreads a year over twelve months that add up to it exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (cents) => {
        const planned = new Decimal(cents.toString()).div(100).toFixed(2);
        const r = investmentByMonth([{ year: 2026, planned }], []);
        expect(r.months).toHaveLength(12);
        const sum = r.months.reduce((s, m) => s.plus(m.planned), new Decimal(0));
        expect(sum.toFixed(2)).toBe(planned);
        expect(r.months[11]!.plannedCumulative).toBe(planned);
      }),
    );
  });
  it('covers a year with investment done but no plan', () => {
    const r = investmentByMonth([], [{ month: '2025-12', done: '1234.56' }]);
    expect(r.months).toHaveLength(12);
    expect(r.months[11]).toEqual({ month: '2025-12', planned: '0.00', done: '1234.56', plannedCumulative: '0.00', doneCumulative: '1234.56' });
  });
});

describe("a project's year", () => {
  it('adds the months exactly and states the completion rate to one decimal', () => {
    expect(yearInvestment(2026, '1200.30', ['100.10', '200.20', '0.03'])).toEqual({ year: 2026, planned: '1200.30', done: '300.33', rate: '25.0' });
    // 1/3 = 33.333…%: rounded half up to 33.3; 2/3 = 66.7.
    expect(yearInvestment(2026, '3.00', ['1.00']).rate).toBe('33.3');
    expect(yearInvestment(2026, '3.00', ['2.00']).rate).toBe('66.7');
    expect(yearInvestment(2026, '100', ['120']).rate).toBe('120.0');
  });
  it('has no rate without a plan, or with a plan of zero', () => {
    expect(yearInvestment(2026, null, ['5.00'])).toEqual({ year: 2026, planned: null, done: '5.00', rate: null });
    expect(yearInvestment(2026, '0', [])).toEqual({ year: 2026, planned: '0.00', done: '0.00', rate: null });
  });
});
