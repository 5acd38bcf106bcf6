import type { Ctx } from '../../context.js';
import { blockerRowPolicy } from '../../policies/blocker.js';
import { takeBlockerStep } from './blockerStep.js';

/** Closes an open blocker with how it was solved. */
export function resolveBlocker(ctx: Ctx, id: string, input: { resolution: string; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, {
    action: 'resolve',
    version: input.version,
    check: () => undefined,
    allowed: (s) => blockerRowPolicy.resolve(ctx.actor, s),
    patch: (_b, now) => ({ status: 'resolved', resolvedAt: now, resolution: input.resolution, decidedById: ctx.actor?.userId ?? null }),
  });
}
