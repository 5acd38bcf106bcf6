import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('property tests (issue 18 item 8)', () => {
  it('name the seed of a failing run, so that it can be replayed with FC_SEED', () => {
    const run = () => fc.assert(fc.property(fc.integer(), (n) => n < 1000));
    expect(run).toThrow(/seed: -?\d+, path: "[\d:]+"/);
  });
  it('replay a run exactly from its seed', () => {
    const seen = (seed: number) => fc.sample(fc.integer(), { seed, numRuns: 5 });
    expect(seen(42)).toEqual(seen(42));
  });
});
