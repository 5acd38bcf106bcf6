import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { delayUntilNextRun, nextShanghaiMidnight, runIsDue } from './midnightSchedule.js';

describe('when the midnight job runs next', () => {
  it('is the next 00:00 in Asia/Shanghai (16:00 UTC the day before)', () => {
    expect(nextShanghaiMidnight(new Date('2026-11-28T09:00:00Z')).toISOString()).toBe('2026-11-28T16:00:00.000Z');
    // 23:59 Shanghai on the 28th → midnight of the 29th, one minute later.
    expect(nextShanghaiMidnight(new Date('2026-11-28T15:59:00Z')).toISOString()).toBe('2026-11-28T16:00:00.000Z');
    // Exactly midnight: the next one, a day later (never "now" again, or a timer would spin).
    expect(nextShanghaiMidnight(new Date('2026-11-28T16:00:00Z')).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    // 00:30 Shanghai on 1 January is still 31 December in UTC.
    expect(nextShanghaiMidnight(new Date('2026-12-31T16:30:00Z')).toISOString()).toBe('2027-01-01T16:00:00.000Z');
  });
  it('is always later than now, within a day, and a Shanghai midnight', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (now) => {
        const next = nextShanghaiMidnight(now);
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
        expect(new Date(next.getTime() + 8 * 3_600_000).toISOString().slice(11)).toBe('00:00:00.000Z');
        expect(shanghaiDate(next) > shanghaiDate(now)).toBe(true);
        expect(delayUntilNextRun(now)).toBe(next.getTime() - now.getTime());
      }),
    );
  });
  it('is due at start when it never ran or last ran before today (Shanghai date), not again the same day', () => {
    const now = new Date('2026-11-28T16:30:00Z'); // 00:30 on the 29th in Shanghai
    expect(runIsDue(null, now)).toBe(true);
    expect(runIsDue('2026-11-28', now)).toBe(true);
    expect(runIsDue('2026-11-29', now)).toBe(false);
    expect(runIsDue('2026-11-28', new Date('2026-11-28T15:59:59Z'))).toBe(false);
  });
});
