import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/**
 * The raising unit finds the resolution did not solve it: the blocker is open again at the level it
 * was resolved at, for its holder to take up afresh (the resolution stays in the audit record).
 */
export function reopenBlocker(ctx: Ctx, id: string, input: { reason: string; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'reopen', {
    version: input.version,
    set: (b, now) => ({
      reopenReason: input.reason,
      reopenCount: b.reopenCount + 1,
      levelSince: now,
      resolvedAt: null,
      resolution: null,
      resolvedById: null,
      resolverUnitId: null,
      dueDate: null,
      assignNote: null,
    }),
  });
}
