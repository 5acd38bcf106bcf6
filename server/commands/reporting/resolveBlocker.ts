import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/** Closes an open blocker with how it was solved. */
export function resolveBlocker(ctx: Ctx, id: string, input: { resolution: string; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'resolve', {
    version: input.version,
    set: (_b, now) => ({ resolvedAt: now, resolution: input.resolution, decidedById: ctx.actor?.userId ?? null }),
  });
}
