import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from './calendar/days.js';
import { WorkdayCalendar } from './calendar/workdays.js';
import { claimDeadline, claimLate, lastLateAssignmentDay } from './claims.js';

const cal = new WorkdayCalendar();
const day = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2028-12-31') });
const workdays = fc.integer({ min: 0, max: 20 });

describe('a late claim (claimLate, lastLateAssignmentDay)', () => {
  it('is late exactly when assigned on or before the last late assignment day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 5 }), workdays, (t, back, n) => {
        const today = fromDayNumber(t);
        const assigned = fromDayNumber(t + back);
        expect(claimLate(cal, assigned, today, n)).toBe(assigned <= lastLateAssignmentDay(cal, today, n));
      }),
    );
  });
  it('is late exactly when assigned on or before the last late assignment day, for every day from 2026 to the 2027 Spring Festival', () => {
    // The edge (today a rest day right after a deadline) is narrow for random days: every day is checked.
    const wrong: string[] = [];
    for (let t = dayNumber('2026-01-01'); t <= dayNumber('2027-02-28'); t++) {
      const today = fromDayNumber(t);
      for (const n of [0, 1, 5]) {
        const last = lastLateAssignmentDay(cal, today, n);
        for (let back = -20; back <= 0; back++) {
          const assigned = fromDayNumber(t + back);
          if (claimLate(cal, assigned, today, n) !== assigned <= last) wrong.push(`${assigned} → ${today}, ${n} workdays`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
  it('is late only after its deadline, by at least one workday, as the light counts', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 5 }), workdays, (t, back, n) => {
        const today = fromDayNumber(t);
        const c = claimDeadline(cal, fromDayNumber(t + back), today, n);
        if (claimLate(cal, fromDayNumber(t + back), today, n)) expect(c.due < today && c.lateWorkdays >= 1).toBe(true);
        else expect(c.lateWorkdays).toBeLessThanOrEqual(0);
      }),
    );
  });
  it('is not late yet on the weekend after a Friday deadline, and one workday late on Monday', () => {
    // Assigned Friday 2026-06-05: five workdays later is Friday 2026-06-12.
    expect(claimDeadline(cal, '2026-06-05', '2026-06-13').due).toBe('2026-06-12');
    expect(claimLate(cal, '2026-06-05', '2026-06-13')).toBe(false);
    expect(claimLate(cal, '2026-06-05', '2026-06-15')).toBe(true);
    expect(claimDeadline(cal, '2026-06-05', '2026-06-15').lateWorkdays).toBe(1);
  });
});
