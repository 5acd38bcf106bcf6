import { describe, expect, it } from 'vitest';
import { formatDateTime, trimDecimal } from './format.js';

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
