import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/** The raising unit confirms the resolution worked: the blocker is closed. */
export function verifyBlocker(ctx: Ctx, id: string, input: { note: string; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'verify', {
    version: input.version,
    set: (_b, now) => ({ verifiedAt: now, verifiedById: ctx.actor?.userId ?? null }),
    ...(input.note ? { note: { verifyNote: input.note } } : {}),
  });
}
