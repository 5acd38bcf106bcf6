import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOCKOUT_MAX_MINUTES, lockoutHorizonMs, lockState } from './lockout.js';
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
  it('always unlocks once the lockout, doubled for each failure past the threshold, has passed since the last failure', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 20 }), (mins) => {
        const last = Math.max(...mins);
        const longest = Math.min(15 * 2 ** (mins.length - 5), LOCKOUT_MAX_MINUTES);
        expect(lockState(mins.map(at), at(last + longest + 0.001), P).locked).toBe(false);
      }),
    );
  });
  it('doubles the lock with each failure after it, up to a day', () => {
    // Locked at 4 until 19; the next guess (at 20) locks until 50, the one after (at 51) until 111.
    const fails = [0, 1, 2, 3, 4, 20, 51].map(at);
    expect(lockState(fails.slice(0, 5), at(18), P)).toEqual({ locked: true, until: at(19) });
    expect(lockState(fails.slice(0, 6), at(20), P)).toEqual({ locked: true, until: at(50) });
    expect(lockState(fails, at(51), P)).toEqual({ locked: true, until: at(111) });
    const many = Array.from({ length: 20 }, (_, i) => at(i));
    expect(lockState(many, at(19), P).until).toEqual(at(19 + LOCKOUT_MAX_MINUTES));
  });
  it('keeps growing as long as the failures are remembered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (extra) => {
        const fails = Array.from({ length: 5 + extra }, (_, i) => at(i));
        const s = lockState(fails, at(4 + extra), P);
        expect(s.locked).toBe(true);
        expect(s.until!.getTime() - at(4 + extra).getTime()).toBe(Math.min(15 * 2 ** extra, LOCKOUT_MAX_MINUTES) * 60_000);
        expect(lockoutHorizonMs(P)).toBeGreaterThanOrEqual((LOCKOUT_MAX_MINUTES + 15) * 60_000);
      }),
    );
  });
});
