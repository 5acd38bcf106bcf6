import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { defaultRectifyDeadline, itemSourceProblem, ledgerOverdue, sourceFills } from './ledger.js';

describe('the 督查 ledger rules', () => {
  it('gives a rectification ten workdays, skipping holidays and counting make-up workdays', () => {
    const cal = new WorkdayCalendar();
    // 19 June 2026 is the Dragon Boat Festival.
    expect(defaultRectifyDeadline(cal, '2026-06-10')).toBe('2026-06-25');
    // 1–7 October rest; Saturday 10 October is a make-up workday.
    expect(defaultRectifyDeadline(cal, '2026-09-30')).toBe('2026-10-20');
  });

  it('counts an entry late only while the unit still owes its rectification and the deadline day has passed', () => {
    expect(ledgerOverdue('open', '2026-06-09', '2026-06-10')).toBe(true);
    expect(ledgerOverdue('rectifying', '2026-06-09', '2026-06-10')).toBe(true);
    // The deadline day itself is still in time.
    expect(ledgerOverdue('open', '2026-06-10', '2026-06-10')).toBe(false);
    for (const s of ['submitted', 'verified', 'closed'] as const) expect(ledgerOverdue(s, '2026-01-01', '2026-06-10'), s).toBe(false);
  });

  it('takes unit and item from an item or a blocker, never from a field-visit finding or an entered one', () => {
    expect(sourceFills('red_light')).toEqual({ unit: true, item: true });
    expect(sourceFills('overdue')).toEqual({ unit: true, item: true });
    expect(sourceFills('blocker')).toEqual({ unit: true, item: true });
    expect(sourceFills('field_visit')).toEqual({ unit: false, item: false });
    expect(sourceFills('entered')).toEqual({ unit: false, item: false });
  });

  it('accepts a red-light source only while the item is red, an overdue source only with an overdue reason', () => {
    expect(itemSourceProblem('red_light', { light: 'red', lightReasons: [] })).toBeNull();
    expect(itemSourceProblem('red_light', { light: 'yellow', lightReasons: [{ code: 'overdue' }] })).toBe('not_red');
    expect(itemSourceProblem('overdue', { light: 'red', lightReasons: [{ code: 'milestone_overdue' }] })).toBeNull();
    expect(itemSourceProblem('overdue', { light: 'yellow', lightReasons: [{ code: 'claim_overdue' }] })).toBeNull();
    expect(itemSourceProblem('overdue', { light: 'red', lightReasons: [{ code: 'behind_trajectory' as 'overdue' }] })).toBe('not_overdue');
  });
});
