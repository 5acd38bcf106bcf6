import { describe, expect, it } from 'vitest';
import { backupIsDue, nextBackupAt } from './backupSchedule.js';

describe('the daily backup time', () => {
  it('is the next time the clock in Asia/Shanghai reads the configured minute', () => {
    // 02:00 in Shanghai (18:00 UTC the day before): 03:00 is an hour away.
    expect(nextBackupAt(new Date('2026-12-06T18:00:00Z'), 180).toISOString()).toBe('2026-12-06T19:00:00.000Z');
    // At 03:00 exactly, and after it: tomorrow's.
    expect(nextBackupAt(new Date('2026-12-06T19:00:00Z'), 180).toISOString()).toBe('2026-12-07T19:00:00.000Z');
    expect(nextBackupAt(new Date('2026-12-07T05:00:00Z'), 180).toISOString()).toBe('2026-12-07T19:00:00.000Z');
    // 23:30 Shanghai is 15:30 UTC.
    expect(nextBackupAt(new Date('2026-12-07T05:00:00Z'), 23 * 60 + 30).toISOString()).toBe('2026-12-07T15:30:00.000Z');
  });

  it('is skipped only when another backup was made within six hours (another instance, a timer firing twice)', () => {
    const now = new Date('2026-12-07T19:00:00Z');
    expect(backupIsDue(null, now)).toBe(true);
    expect(backupIsDue(new Date('2026-12-07T18:59:00Z'), now)).toBe(false);
    expect(backupIsDue(new Date('2026-12-07T07:00:00Z'), now)).toBe(true);
  });
});
