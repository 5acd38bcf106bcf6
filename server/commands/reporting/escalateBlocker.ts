import { nextBlockerLevel, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { AppError } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/** Moves an open blocker one level up: unit → task force → HQ → leading group. */
export function escalateBlocker(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'escalate', {
    version: input.version,
    check: (b) => (nextBlockerLevel(b.level as BlockerLevel) ? undefined : new AppError(409, 'blocker_top')),
    set: (b) => ({ level: nextBlockerLevel(b.level as BlockerLevel)! }),
  });
}
