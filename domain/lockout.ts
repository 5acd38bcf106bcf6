import type { SecurityPolicy } from './securityPolicy.js';

export interface LockState {
  locked: boolean;
  /** When the account unlocks; only set while locked. */
  until?: Date;
}

/**
 * An account is locked when `threshold` failures fall inside one window, until `lockoutMinutes`
 * after the failure that reached the threshold. Failures before a successful login do not count
 * (the caller passes only failures after the last success).
 */
export function lockState(
  failures: readonly Date[],
  now: Date,
  policy: Pick<SecurityPolicy, 'lockoutThreshold' | 'lockoutWindowMinutes' | 'lockoutMinutes'>,
): LockState {
  const sorted = [...failures].sort((a, b) => a.getTime() - b.getTime());
  const windowMs = policy.lockoutWindowMinutes * 60_000;
  const lockMs = policy.lockoutMinutes * 60_000;
  let until: Date | undefined;
  for (let i = policy.lockoutThreshold - 1; i < sorted.length; i++) {
    const first = sorted[i - policy.lockoutThreshold + 1]!;
    const last = sorted[i]!;
    if (last.getTime() - first.getTime() <= windowMs) {
      const end = new Date(last.getTime() + lockMs);
      if (!until || end > until) until = end;
    }
  }
  return until && until > now ? { locked: true, until } : { locked: false };
}
