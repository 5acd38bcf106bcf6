import type { SecurityPolicy } from './securityPolicy.js';

export interface LockState {
  locked: boolean;
  /** When the pair unlocks; only set while locked. */
  until?: Date;
}

/** However often a lock has grown, it never lasts longer than this. */
export const LOCKOUT_MAX_MINUTES = 24 * 60;

type LockPolicy = Pick<SecurityPolicy, 'lockoutThreshold' | 'lockoutWindowMinutes' | 'lockoutMinutes'>;

/**
 * How far back failures matter: a lock grows with every failure after the threshold for as long
 * as the longest lock, so the failures of that span (and of one window before it) are needed.
 */
export const lockoutHorizonMs = (policy: LockPolicy): number => (policy.lockoutWindowMinutes + Math.max(policy.lockoutMinutes, LOCKOUT_MAX_MINUTES)) * 60_000;

/**
 * Locks one account for one source address. `threshold` failures inside one window lock it for
 * `lockoutMinutes` after the failure that reached the threshold; each later failure (possible only
 * once that lock is over) locks it for twice as long as the one before, up to LOCKOUT_MAX_MINUTES,
 * so that guessing slows down geometrically instead of going on at a fixed pace.
 * The caller passes the failures within lockoutHorizonMs that still count (a success or an unlock
 * clears them).
 */
export function lockState(failures: readonly Date[], now: Date, policy: LockPolicy): LockState {
  const sorted = [...failures].sort((a, b) => a.getTime() - b.getTime());
  const windowMs = policy.lockoutWindowMinutes * 60_000;
  const lockMs = policy.lockoutMinutes * 60_000;
  const maxMs = Math.max(lockMs, LOCKOUT_MAX_MINUTES * 60_000);
  const first = sorted.findIndex((t, i) => i >= policy.lockoutThreshold - 1 && t.getTime() - sorted[i - policy.lockoutThreshold + 1]!.getTime() <= windowMs);
  if (first < 0) return { locked: false };
  let until = 0;
  for (let i = first; i < sorted.length; i++) {
    // 2^30 minutes is far past the cap already: stop doubling before the number overflows.
    const ms = Math.min(lockMs * 2 ** Math.min(i - first, 30), maxMs);
    until = Math.max(until, sorted[i]!.getTime() + ms);
  }
  return until > now.getTime() ? { locked: true, until: new Date(until) } : { locked: false };
}
