import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { PROMISE_STATUSES, promiseCounts, promiseDeadlineOk, promiseOverdue, promiseState, requestOverdue, responseDeadline, RESPONSE_WORKDAYS } from './promises.js';
import { actionsFrom, nextState, stepRoles } from './workflows/flow.js';
import { promiseFlow } from './workflows/promise.js';
import { requestFlow } from './workflows/responseRequest.js';

describe('written responses (书面说明) and promises (履约践诺)', () => {
  const cal = new WorkdayCalendar();
  it('sets the response deadline in workdays on the statutory calendar', () => {
    // From the eve of National Day the five workdays are counted after the holiday week (Oct 1–7).
    const d = responseDeadline(cal, '2026-09-30');
    expect(cal.workdaysBetween('2026-10-01', d)).toBe(RESPONSE_WORKDAYS);
    expect(d > '2026-10-07').toBe(true);
    expect(responseDeadline(cal, '2026-06-10', 1)).toBe('2026-06-11');
    // Friday + 1 workday is the Monday.
    expect(responseDeadline(cal, '2026-06-12', 1)).toBe('2026-06-15');
  });
  it('is late only while owed and past its day', () => {
    expect(requestOverdue('requested', '2026-06-09', '2026-06-10')).toBe(true);
    expect(requestOverdue('drafted', '2026-06-09', '2026-06-10')).toBe(true);
    expect(requestOverdue('requested', '2026-06-10', '2026-06-10')).toBe(false);
    expect(requestOverdue('answered', '2026-06-01', '2026-06-10')).toBe(false);
  });
  it('shows a pending promise past its deadline as overdue, never a kept or broken one', () => {
    expect(promiseOverdue('pending', '2026-06-09', '2026-06-10')).toBe(true);
    expect(promiseOverdue('pending', '2026-06-10', '2026-06-10')).toBe(false);
    expect(promiseState('kept', '2026-01-01', '2026-06-10')).toBe('kept');
    expect(promiseState('broken', '2027-01-01', '2026-06-10')).toBe('broken');
    expect(promiseState('pending', '2026-01-01', '2026-06-10')).toBe('overdue');
    expect(promiseDeadlineOk('2026-06-10', '2026-06-10')).toBe(true);
    expect(promiseDeadlineOk('2026-06-09', '2026-06-10')).toBe(false);
  });
  it('counts each state once, overdue apart from pending', () => {
    const rows = [
      { status: 'pending' as const, deadline: '2026-07-01' },
      { status: 'pending' as const, deadline: '2026-05-01' },
      { status: 'kept' as const, deadline: '2026-05-01' },
      { status: 'broken' as const, deadline: '2026-05-01' },
      { status: 'broken' as const, deadline: '2026-08-01' },
    ];
    expect(promiseCounts(rows, '2026-06-10')).toEqual({ pending: 1, overdue: 1, kept: 1, broken: 2 });
    expect(Object.values(promiseCounts([], '2026-06-10')).every((n) => n === 0)).toBe(true);
    expect(PROMISE_STATUSES).toEqual(['pending', 'kept', 'broken']);
  });
  it('lets the liaison draft and only the head send; an answered request takes no step (a replay is refused)', () => {
    expect(stepRoles(requestFlow, 'requested', 'draft')).toEqual(['liaison', 'unit_head']);
    expect(stepRoles(requestFlow, 'drafted', 'send')).toEqual(['unit_head']);
    expect(nextState(requestFlow, 'requested', 'send')).toBe('answered');
    expect(nextState(requestFlow, 'drafted', 'draft')).toBe('drafted');
    expect(actionsFrom(requestFlow, 'answered')).toEqual([]);
  });
  it('ends a promise once: kept by its unit or broken by oversight', () => {
    expect(stepRoles(promiseFlow, 'pending', 'keep')).toEqual(['liaison', 'unit_head']);
    expect(stepRoles(promiseFlow, 'pending', 'break')).toEqual(['oversight']);
    expect(actionsFrom(promiseFlow, 'kept')).toEqual([]);
    expect(nextState(promiseFlow, 'broken', 'keep')).toBeUndefined();
  });
});
