import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/** The resolver unit says how it solved the blocker given to it; the raising unit then verifies. */
export function resolveBlocker(ctx: Ctx, id: string, input: { resolution: string; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'resolve', {
    version: input.version,
    set: (_b, now) => ({ resolvedAt: now, resolution: input.resolution, resolvedById: ctx.actor?.userId ?? null }),
  });
}
