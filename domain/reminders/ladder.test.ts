import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { DEFAULT_LADDER, reachedStep, stepToSend } from './ladder.js';

const cal = new WorkdayCalendar();
const at = (today: string, due: string, s = DEFAULT_LADDER) => reachedStep(cal, today, due, s);

describe('the reminder ladder', () => {
  it('reminds within the workdays before the due day, not earlier', () => {
    // Due Friday 2026-06-12: three workdays ahead is Tuesday the 9th.
    expect(at('2026-06-08', '2026-06-12')).toBeNull();
    expect(at('2026-06-09', '2026-06-12')).toBe('before');
    expect(at('2026-06-12', '2026-06-12')).toBe('before');
    expect(at('2026-06-09', '2026-06-12', { ...DEFAULT_LADDER, daysBefore: 0 })).toBeNull();
    expect(at('2026-06-12', '2026-06-12', { ...DEFAULT_LADDER, daysBefore: 0 })).toBe('before');
  });

  it('climbs 提醒 → 催办 → 督办 by workdays late', () => {
    expect(at('2026-06-15', '2026-06-12')).toBe('remind'); // Monday: 1 workday late
    expect(at('2026-06-16', '2026-06-12')).toBe('remind');
    expect(at('2026-06-17', '2026-06-12')).toBe('urge'); // 3
    expect(at('2026-06-19', '2026-06-12')).toBeNull(); // the Dragon Boat Festival: a rest day
    expect(at('2026-06-22', '2026-06-12')).toBe('urge'); // 5
    expect(at('2026-06-22', '2026-06-12')).toBe('urge');
    expect(at('2026-06-23', '2026-06-12')).toBe('supervise');
    expect(at('2026-06-17', '2026-06-12', { daysBefore: 3, lateRemind: 2, lateUrge: 4, lateSupervise: 8 })).toBe('remind');
  });

  it('sends nothing on a rest day: the weekend and the whole Spring Festival week', () => {
    expect(at('2026-06-13', '2026-06-12')).toBeNull(); // Saturday
    for (let d = 15; d <= 23; d++) expect(at(`2026-02-${d}`, '2026-02-13')).toBeNull();
  });

  it('counts a make-up workday (调休上班) as a workday', () => {
    // Due Friday 13 February 2026; Saturday the 14th is worked before the Spring Festival.
    expect(at('2026-02-14', '2026-02-13')).toBe('remind');
    // After the festival: 24 February is the 2nd workday late, the 25th the 3rd.
    expect(at('2026-02-24', '2026-02-13')).toBe('remind');
    expect(at('2026-02-25', '2026-02-13')).toBe('urge');
    // Saturday 28 February is worked too: the 6th workday late.
    expect(at('2026-02-27', '2026-02-13')).toBe('urge');
    expect(at('2026-02-28', '2026-02-13')).toBe('supervise');
  });

  it('reminds before a due day that falls after the festival, counting only workdays', () => {
    // Due Wednesday 25 February: the workdays left on Friday the 13th are 14, 24, 25.
    expect(at('2026-02-12', '2026-02-25')).toBeNull();
    expect(at('2026-02-13', '2026-02-25')).toBe('before');
  });

  it('sends a step once, and never a lower one after a higher', () => {
    expect(stepToSend('remind', [])).toBe('remind');
    expect(stepToSend('remind', ['remind'])).toBeNull();
    expect(stepToSend('urge', ['before', 'remind'])).toBe('urge');
    expect(stepToSend('remind', ['urge'])).toBeNull();
    // A missed day is caught up with the step reached now; those skipped are not sent late.
    expect(stepToSend('supervise', ['before'])).toBe('supervise');
    expect(stepToSend(null, [])).toBeNull();
  });
});
