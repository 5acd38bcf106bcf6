import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatDateTime, trimDecimal } from './format.js';

describe('formatDateTime', () => {
  it('shows Asia/Shanghai wall-clock time whatever the machine zone', () => {
    expect(formatDateTime('2026-03-01T02:15:00.000Z')).toBe('2026-03-01 10:15:00');
  });
  it('leaves empty and unparsable input alone', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('trimDecimal', () => {
  it('drops trailing zeros and a bare point, and leaves other text alone', () => {
    expect(trimDecimal('95.1000')).toBe('95.1');
    expect(trimDecimal('90.0000')).toBe('90');
    expect(trimDecimal('-0.5000')).toBe('-0.5');
    expect(trimDecimal('100')).toBe('100');
    expect(trimDecimal('1200.00')).toBe('1200');
    expect(trimDecimal(null)).toBe('');
  });
});

describe('chineseNumeral', () => {
  it('numbers as official documents do, and leaves what it cannot say in digits', () => {
    expect([1, 3, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '三', '九', '十', '十一', '二十', '二十一', '九十九']);
    expect(chineseNumeral(100)).toBe('100');
    expect(chineseNumeral(0)).toBe('0');
  });
});
