import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { dayNumber, fromDayNumber } from './calendar/days.js';
import { deadlineProblem, nextDue, nextRecurringDue } from './deadlines.js';

const cal = new WorkdayCalendar();

describe('recurring deadlines', () => {
  it('finds 每月10日前 on or after today, moved to the next workday', () => {
    expect(nextRecurringDue({ every: 'month', day: 10 }, '2026-04-20', cal)).toBe('2026-05-11'); // 10 May is a Sunday
    expect(nextRecurringDue({ every: 'month', day: 10 }, '2026-05-11', cal)).toBe('2026-05-11'); // due today
    expect(nextRecurringDue({ every: 'month', day: 10 }, '2026-05-12', cal)).toBe('2026-06-10');
  });
  it('skips the National Day holiday', () => {
    expect(nextRecurringDue({ every: 'month', day: 1 }, '2026-09-15', cal)).toBe('2026-10-08');
  });
  it('clamps day 31 to the month end and puts quarters in their first month', () => {
    expect(nextRecurringDue({ every: 'month', day: 31 }, '2026-02-03', cal)).toBe('2026-02-28'); // a Saturday, but a make-up workday (调休)
    expect(nextRecurringDue({ every: 'month', day: 31 }, '2026-04-01', cal)).toBe('2026-04-30');
    expect(nextRecurringDue({ every: 'quarter', day: 10 }, '2026-05-11', cal)).toBe('2026-07-10');
    expect(nextRecurringDue({ every: 'quarter', day: 15 }, '2026-12-20', cal)).toBe('2027-01-15');
  });
  it('is always a workday on or after the reference date, within one period and a holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('month' as const, 'quarter' as const), (offset, day, every) => {
        const from = fromDayNumber(dayNumber('2024-01-01') + offset);
        const due = nextRecurringDue({ every, day }, from, cal);
        expect(due >= from).toBe(true);
        expect(cal.isWorkday(due)).toBe(true);
        expect(dayNumber(due) - dayNumber(from)).toBeLessThan(every === 'month' ? 45 : 105);
      }),
    );
  });
});

describe('next due date of a task', () => {
  it('is the deadline of a dated task and nothing for an ongoing one', () => {
    expect(nextDue({ deadlineKind: 'date', deadline: '2026-06-30' }, '2026-05-01', cal)).toBe('2026-06-30');
    expect(nextDue({ deadlineKind: 'ongoing' }, '2026-05-01', cal)).toBeNull();
  });
  it('counts from a later start and stops after the end date', () => {
    expect(nextDue({ deadlineKind: 'recurring', recurrence: { every: 'month', day: 10 }, startDate: '2026-08-01' }, '2026-05-01', cal)).toBe('2026-08-10');
    expect(nextDue({ deadlineKind: 'recurring', recurrence: { every: 'month', day: 10 }, deadline: '2026-05-31' }, '2026-05-20', cal)).toBeNull();
  });
  it('names what a deadline lacks', () => {
    expect(deadlineProblem({ deadlineKind: 'date' })).toEqual({ field: 'deadline', code: 'required' });
    expect(deadlineProblem({ deadlineKind: 'recurring', deadline: '2026-01-01' })).toEqual({ field: 'recurrence', code: 'required' });
    expect(deadlineProblem({ deadlineKind: 'date', deadline: '2026-01-01', startDate: '2026-02-01' })).toEqual({ field: 'deadline', code: 'order' });
    expect(deadlineProblem({ deadlineKind: 'ongoing' })).toBeNull();
  });
});
