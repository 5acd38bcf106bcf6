const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time.
const DAY_MS = 86_400_000;

/** The first moment strictly after `now` when the clock in Asia/Shanghai reads `atMinute` minutes past midnight. */
export function nextBackupAt(now: Date, atMinute: number): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  let next = Math.floor(local / DAY_MS) * DAY_MS + atMinute * 60_000;
  if (next <= local) next += DAY_MS;
  return new Date(next - SHANGHAI_OFFSET_MS);
}

/**
 * A scheduled backup is due unless one was made within the last 6 hours: another app instance on
 * the same PostgreSQL (and backup folder) that ran first while this one waited for the lock, or a
 * timer that fired twice, then leaves that backup as the day's. A backup made by hand in the
 * afternoon does not stand in for the night's.
 */
export const backupIsDue = (newest: Date | null, now: Date): boolean => newest === null || now.getTime() - newest.getTime() >= 6 * 3_600_000;
