import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUpParent, rollUpProgress, type WeightedProgress } from './rollup.js';

// Figures as the columns hold them: progress numeric(5,2) in [0, 100], weight numeric(10,4) above 0.
const cents = fc.integer({ min: 0, max: 10_000 });
const tenThousandths = fc.integer({ min: 1, max: 9_999_999_999 });
const fixed = (n: number | bigint, places: number) => {
  const s = n.toString().padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
};
const child = fc.record({ progress: cents.map((c) => fixed(c, 2)), weight: tenThousandths.map((w) => fixed(w, 4)) });
const children = fc.array(child, { minLength: 1, maxLength: 12 });
const num = (s: string) => Number(s);

/** The reference: the weighted mean as an exact fraction of integers, rounded half up to the cent. */
function reference(kids: readonly { progress: string; weight: string }[]): string {
  const big = (s: string) => BigInt(s.replace('.', ''));
  // progress in cents × weight in ten-thousandths; total weight in ten-thousandths.
  const sum = kids.reduce((s, k) => s + big(k.progress) * big(k.weight), 0n);
  const total = kids.reduce((s, k) => s + big(k.weight), 0n);
  return fixed((2n * sum + total) / (2n * total), 2);
}

describe('rolling progress up (rollUpProgress)', () => {
  it('is the weighted mean rounded half up to the cent, exactly', () => {
    fc.assert(fc.property(children, (kids) => {
        expect(rollUpProgress(kids)).toBe(reference(kids));
      }),
    );
    expect(rollUpProgress([{ progress: '10.00', weight: '1' }, { progress: '20.00', weight: '2' }])).toBe('16.67');
    expect(rollUpProgress([{ progress: '0.01', weight: '1' }, { progress: '0.00', weight: '1' }])).toBe('0.01');
  });
  it('stays within 0 and 100', () => {
    fc.assert(
      fc.property(children, (kids) => {
        const p = num(rollUpProgress(kids));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
      }),
    );
  });
  it("is a single child's progress", () => {
    fc.assert(fc.property(child, (c) => {
        expect(rollUpProgress([c])).toBe(c.progress);
      }),
    );
  });
  it('lies between the least and the greatest child', () => {
    fc.assert(
      fc.property(children, (kids) => {
        const p = num(rollUpProgress(kids));
        expect(p).toBeGreaterThanOrEqual(Math.min(...kids.map((k) => num(k.progress))));
        expect(p).toBeLessThanOrEqual(Math.max(...kids.map((k) => num(k.progress))));
      }),
    );
  });
  it("never falls when a child's progress rises", () => {
    fc.assert(
      fc.property(children, fc.nat(), cents, (kids, i, more) => {
        const at = i % kids.length;
        const raised = kids.map((k, j) => (j === at ? { ...k, progress: fixed(Math.min(10_000, Math.round(num(k.progress) * 100) + more), 2) } : k));
        expect(num(rollUpProgress(raised))).toBeGreaterThanOrEqual(num(rollUpProgress(kids)));
      }),
    );
  });
  it('depends on the weights’ proportions only, and not on the order of the children', () => {
    fc.assert(
      fc.property(children, fc.integer({ min: 2, max: 1000 }), (kids, k) => {
        const scaled: WeightedProgress[] = kids.map((c) => ({ progress: c.progress, weight: fixed(BigInt(c.weight.replace('.', '')) * BigInt(k), 4) }));
        expect(rollUpProgress(scaled)).toBe(rollUpProgress(kids));
        expect(rollUpProgress([...kids].reverse())).toBe(rollUpProgress(kids));
      }),
    );
  });
  it('is 0.00 without weight: no children, or weights that add up to nothing', () => {
    expect(rollUpProgress([])).toBe('0.00');
    expect(rollUpProgress([{ progress: '80.00', weight: '0' }])).toBe('0.00');
  });
});

describe("a parent's facts (rollUpParent)", () => {
  const date = fc.option(fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)), { nil: null });
  const facts = fc.array(fc.record({ progress: cents.map((c) => fixed(c, 2)), weight: tenThousandths.map((w) => fixed(w, 4)), done: fc.boolean(), lastReportDate: date }), {
    maxLength: 8,
  });
  it('is done when it has children and all are done; its last report is the latest of its own and theirs', () => {
    fc.assert(
      fc.property(date, facts, (own, kids) => {
        const r = rollUpParent(own, kids);
        expect(r.done).toBe(kids.length > 0 && kids.every((k) => k.done));
        const dates = [own, ...kids.map((k) => k.lastReportDate)].filter((d): d is string => d !== null);
        expect(r.lastReportDate).toBe(dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null);
        expect(r.progress).toBe(rollUpProgress(kids));
      }),
    );
  });
});
