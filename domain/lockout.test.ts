import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lockState } from './lockout.js';
import { DEFAULT_SECURITY_POLICY as P } from './securityPolicy.js';

const t0 = new Date('2026-05-10T02:00:00Z').getTime();
const at = (min: number) => new Date(t0 + min * 60_000);

describe('lockout', () => {
  it('locks on the fifth failure within 15 minutes, for 15 minutes after it', () => {
    const fails = [0, 1, 2, 3, 14].map(at);
    expect(lockState(fails.slice(0, 4), at(14), P).locked).toBe(false);
    const s = lockState(fails, at(14), P);
    expect(s).toEqual({ locked: true, until: at(29) });
    expect(lockState(fails, at(29.01), P).locked).toBe(false);
  });
  it('does not lock when the failures are spread over more than the window', () => {
    expect(lockState([0, 4, 8, 12, 16].map(at), at(16), P).locked).toBe(false);
  });
  it('never locks with fewer failures than the threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }), fc.integer({ min: 0, max: 120 }), (mins, now) => {
        expect(lockState(mins.map(at), at(now), P).locked).toBe(false);
      }),
    );
  });
  it('always unlocks once the lockout has passed since the last failure', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 20 }), (mins) => {
        const last = Math.max(...mins);
        expect(lockState(mins.map(at), at(last + 15.001), P).locked).toBe(false);
      }),
    );
  });
});
