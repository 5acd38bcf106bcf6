import { describe, expect, it } from 'vitest';
import { formatDateTime, localiseUnlockTime } from './format.js';

describe('formatDateTime', () => {
  it('shows Asia/Shanghai wall-clock time whatever the machine zone', () => {
    expect(formatDateTime('2026-03-01T02:15:00.000Z')).toBe('2026-03-01 10:15:00');
  });
  it('leaves empty and unparsable input alone', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('localiseUnlockTime', () => {
  const iso = '2026-03-01T02:15:00.000Z';
  it('replaces the machine time in the server message', () => {
    expect(localiseUnlockTime(`密码错误次数过多，账号已锁定，将于 ${iso} 解锁`, iso)).toBe('密码错误次数过多，账号已锁定，将于 2026-03-01 10:15:00 解锁');
  });
  it('keeps a message that already says the time its own way', () => {
    expect(localiseUnlockTime('locked until 10:15', iso)).toBe('locked until 10:15');
    expect(localiseUnlockTime('wrong password', undefined)).toBe('wrong password');
  });
});
