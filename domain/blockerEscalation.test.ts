import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalatesToday, workdaysAtLevel, type EscalationFacts } from './blockerEscalation.js';
import { dayNumber, fromDayNumber } from './calendar/days.js';
import { WorkdayCalendar } from './calendar/workdays.js';

const cal = new WorkdayCalendar();
const open = (levelSince: string, level: EscalationFacts['level'] = 'unit'): EscalationFacts => ({ status: 'open', level, levelSince, dueDate: null });

describe('automatic escalation of a blocker (escalatesToday)', () => {
  it('counts workdays on China’s calendar, not the day it arrived, skipping weekends', () => {
    // Arrived Monday 2026-06-01: five workdays are Tue–Fri and the next Monday.
    expect(escalatesToday(open('2026-06-01'), '2026-06-05', cal, 5)).toBe(false);
    expect(escalatesToday(open('2026-06-01'), '2026-06-07', cal, 5)).toBe(false);
    expect(escalatesToday(open('2026-06-01'), '2026-06-08', cal, 5)).toBe(true);
  });

  it('does not count the National Day holiday and does count its make-up workday', () => {
    // 2026: 1–7 October are holidays, Saturday 10 October is a make-up workday.
    expect(workdaysAtLevel('2026-09-30', '2026-10-08', cal)).toBe(1);
    expect(workdaysAtLevel('2026-09-30', '2026-10-10', cal)).toBe(3);
    expect(escalatesToday(open('2026-09-30'), '2026-10-09', cal, 3)).toBe(false);
    expect(escalatesToday(open('2026-09-30'), '2026-10-10', cal, 3)).toBe(true);
  });

  it('never takes one above the leading group, nor moves a resolved or closed one', () => {
    expect(escalatesToday(open('2026-01-05', 'leading_group'), '2026-12-31', cal, 1)).toBe(false);
    expect(escalatesToday({ ...open('2026-01-05'), status: 'resolved' }, '2026-12-31', cal, 1)).toBe(false);
    expect(escalatesToday({ ...open('2026-01-05'), status: 'closed' }, '2026-12-31', cal, 1)).toBe(false);
  });

  it('leaves an assigned one with its resolver until the due day has passed, however long it waited', () => {
    const assigned: EscalationFacts = { status: 'assigned', level: 'hq', levelSince: '2026-01-05', dueDate: '2026-06-30' };
    expect(escalatesToday(assigned, '2026-06-30', cal, 1)).toBe(false);
    expect(escalatesToday(assigned, '2026-07-01', cal, 1)).toBe(true);
    expect(escalatesToday({ ...assigned, dueDate: null }, '2027-01-01', cal, 1)).toBe(false);
  });

  it('escalates an open one exactly when it has waited the workdays (any day, any threshold)', () => {
    const day = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2027-12-31') });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 }), (since, wait, n) => {
        const levelSince = fromDayNumber(since);
        const today = fromDayNumber(since + wait);
        expect(escalatesToday(open(levelSince), today, cal, n)).toBe(workdaysAtLevel(levelSince, today, cal) >= n);
      }),
    );
  });
});

describe('escalation on a festival', () => {
  it('does not count the Mid-Autumn holiday of 2026 (Friday 25 September)', () => {
    expect(workdaysAtLevel('2026-09-21', '2026-09-25', cal)).toBe(3);
    expect(escalatesToday(open('2026-09-21'), '2026-09-25', cal, 4)).toBe(false);
  });
});
