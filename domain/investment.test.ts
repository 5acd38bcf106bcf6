import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { allocateMoney, investmentByMonth, yearInvestment } from './investment.js';

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

describe('allocating a total over years (issue 17 item 7)', () => {
  it('gives shares that add up to the total to the cent: 386000.00 is not planned as 385999.99', () => {
    // 2026-03-01 … 2028-02-20 in days per year: each share alone rounded down lost a cent.
    const shares = allocateMoney('386000.00', [306, 365, 51]);
    expect(shares.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2)).toBe('386000.00');
    expect(allocateMoney('0.10', [1, 1, 1])).toEqual(['0.04', '0.03', '0.03']);
    expect(allocateMoney('100.00', [0, 1])).toEqual(['0.00', '100.00']);
    expect(allocateMoney('100.00', [0, 0])).toEqual(['0.00', '0.00']);
  });
  it('always sums exactly, and no share is off its exact value by a cent or more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 6 }), (cents, weights) => {
        const total = new Decimal(cents.toString()).div(100);
        const shares = allocateMoney(total.toFixed(2), weights);
        const sumW = weights.reduce((a, b) => a + b, 0);
        if (sumW === 0) return;
        expect(shares.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2)).toBe(total.toFixed(2));
        shares.forEach((s, i) => expect(new Decimal(s).minus(total.times(weights[i]!).div(sumW)).abs().lt(0.01)).toBe(true));
      }),
    );
  });
});
