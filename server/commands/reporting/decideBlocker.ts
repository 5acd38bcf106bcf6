import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/** The holder settles the blocker with a decision; the raising unit then verifies it. */
export function decideBlocker(ctx: Ctx, id: string, input: { decision: string; version?: number | undefined }) {
  const userId = ctx.actor?.userId ?? null;
  return takeBlockerStep(ctx, id, 'decide', {
    version: input.version,
    set: (_b, now) => ({ resolvedAt: now, resolution: input.decision, decidedById: userId, resolvedById: userId }),
  });
}
