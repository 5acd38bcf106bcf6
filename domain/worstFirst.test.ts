import { describe, expect, it } from 'vitest';
import type { Light, LightReason } from './lights.js';
import { troubleAge, worstFirst } from './worstFirst.js';

const item = (code: string, light: Light, ...reasons: [LightReason['code'], Record<string, number>][]) => ({
  code,
  light,
  lightReasons: reasons.map(([c, params]) => ({ code: c, params })),
});

describe('worst first (issue 17 item 9)', () => {
  it('puts red before yellow before green, the longest late first, then by code', () => {
    const items = [
      item('A', 'green'),
      item('B', 'yellow', ['milestone_overdue', { workdays: 2 }]),
      item('C', 'red', ['overdue', { workdays: 3 }]),
      item('D', 'red', ['overdue', { workdays: 12 }], ['stale_report', { days: 40 }]),
      item('E', 'red', ['claim_overdue', { workdays: 7 }]),
      item('F', 'yellow', ['due_soon', { workdays: 4 }]),
    ];
    expect([...items].sort(worstFirst).map((i) => i.code)).toEqual(['D', 'E', 'C', 'B', 'F', 'A']);
  });
  it('counts days late, not days left, and survives odd reasons', () => {
    expect(troubleAge([{ code: 'due_soon', params: { workdays: 4 } }])).toBe(0);
    expect(troubleAge([{ code: 'stale_report', params: { days: 40, last: '2026-10-01' } }])).toBe(40);
    expect(troubleAge(null)).toBe(0);
    expect(troubleAge([{ code: 'overdue', params: { workdays: 'x' as unknown as number } }])).toBe(0);
  });
});
