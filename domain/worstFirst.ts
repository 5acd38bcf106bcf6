import type { Light, LightReason } from './lights.js';

const SEVERITY: Record<Light, number> = { red: 0, yellow: 1, green: 2, not_started: 3, done: 4 };

/**
 * How long an item has been in trouble, from its reasons: the most workdays (or days) any of them
 * counts late — overdue, a milestone overdue, a claim not made, no report for so long. 0 when none
 * counts days (a target short of its trajectory).
 */
export function troubleAge(reasons: readonly Pick<LightReason, 'code' | 'params'>[] | null | undefined): number {
  let age = 0;
  for (const r of Array.isArray(reasons) ? reasons : []) {
    for (const key of ['workdays', 'days'] as const) {
      const v = Number(r?.params?.[key]);
      // 'workdays' of due_soon counts days left, not days late.
      if (Number.isFinite(v) && r.code !== 'due_soon') age = Math.max(age, v);
    }
  }
  return age;
}

export interface RankedItem {
  light: Light;
  lightReasons: readonly Pick<LightReason, 'code' | 'params'>[] | null | undefined;
  code: string;
}

/** Worst first: red before yellow before the rest, then the longest in trouble, then by code. */
export function worstFirst(a: RankedItem, b: RankedItem): number {
  return SEVERITY[a.light] - SEVERITY[b.light] || troubleAge(b.lightReasons) - troubleAge(a.lightReasons) || a.code.localeCompare(b.code);
}
