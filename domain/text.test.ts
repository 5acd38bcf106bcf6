import { describe, expect, it } from 'vitest';
import { lightReasonText } from './lightText.js';
import { fillTemplate } from './text.js';

describe('sentence templates', () => {
  it('says "1 workday" and "2 workdays" in English, one form in Chinese', () => {
    const overdue = (workdays: number, lang: 'zh-CN' | 'en-US') => lightReasonText({ code: 'overdue', level: 'red', params: { workdays, deadline: '2026-12-03' } }, lang);
    expect(overdue(1, 'en-US')).toBe('Overdue by 1 workday (due 2026-12-03)');
    expect(overdue(2, 'en-US')).toBe('Overdue by 2 workdays (due 2026-12-03)');
    expect(overdue(0, 'en-US')).toBe('Overdue by 0 workdays (due 2026-12-03)');
    expect(overdue(1, 'zh-CN')).toBe('已逾期1个工作日（期限2026-12-03）');
  });
  it('says how far behind 序时进度 a task is in percentage points, exactly', () => {
    const behind = { code: 'behind_schedule' as const, level: 'red' as const, params: { expected: 99.7, progress: 62.6 } };
    expect(lightReasonText(behind, 'zh-CN')).toBe('进度62.6%，序时进度99.7%，落后37.1个百分点');
    expect(lightReasonText(behind, 'en-US')).toBe('Progress 62.6%, expected 99.7%: 37.1 points behind');
    expect(lightReasonText({ ...behind, params: { expected: 11, progress: 10 } }, 'en-US')).toBe('Progress 10%, expected 11%: 1 point behind');
  });
  it('fills plain slots, leaves a missing one as asked, and uses # for the value in a plural form', () => {
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and ');
    expect(fillTemplate('{a} and {b}', { a: 1 }, { missing: (k) => `{${k}}` })).toBe('1 and {b}');
    expect(fillTemplate('{n|# row has|# rows have} errors', { n: 1 }, { lang: 'en-US' })).toBe('1 row has errors');
    expect(fillTemplate('{n|# row has|# rows have} errors', { n: '3' }, { lang: 'en-US' })).toBe('3 rows have errors');
  });
});
