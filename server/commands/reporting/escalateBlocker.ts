import { nextBlockerLevel, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { AppError } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/**
 * Moves an unresolved blocker one level up: unit → task force → HQ → leading group. It waits there
 * for the new holder: a resolver the lower level named no longer has it.
 */
export function escalateBlocker(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'escalate', {
    version: input.version,
    check: (b) => (nextBlockerLevel(b.level as BlockerLevel) ? undefined : new AppError(409, 'blocker_top')),
    set: (b, now) => ({ level: nextBlockerLevel(b.level as BlockerLevel)!, levelSince: now, resolverUnitId: null, dueDate: null, assignNote: null }),
  });
}
