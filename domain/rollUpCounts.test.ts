import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIGHTS, rollUpCounts, rollUpLights } from './lights.js';

describe('rolling lights up from counts', () => {
  it('agrees with rolling up the lights one by one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LIGHTS), { maxLength: 60 }), (lights) => {
        const { counts } = rollUpLights(lights);
        expect(rollUpCounts(counts)).toEqual(rollUpLights(lights));
      }),
    );
  });
  it('takes the worst colour; done only when everything is done; not started when empty', () => {
    expect(rollUpCounts({ green: 3, yellow: 1, done: 2 }).light).toBe('yellow');
    expect(rollUpCounts({ done: 4 }).light).toBe('done');
    expect(rollUpCounts({ done: 4, not_started: 1 }).light).toBe('not_started');
    expect(rollUpCounts({}).light).toBe('not_started');
  });
  it('never throws on odd counts: negatives, fractions and NaN count as nothing or whole numbers', () => {
    expect(rollUpCounts({ red: -2, green: 1.7, yellow: Number.NaN })).toEqual({ light: 'green', counts: { green: 1, yellow: 0, red: 0, done: 0, not_started: 0 } });
  });
});
