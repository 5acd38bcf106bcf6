import { nextBlockerLevel, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { AppError } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/**
 * What going one level up changes, by hand or by the midnight job: the new level and since when;
 * it waits there for the new holder, so a resolver the lower level named no longer has it.
 */
export function escalatedColumns(b: { level: string }, now: Date) {
  return { level: nextBlockerLevel(b.level as BlockerLevel)!, levelSince: now, resolverUnitId: null, dueDate: null, assignNote: null };
}

/** Moves an unresolved blocker one level up: unit → task force → HQ → leading group. */
export function escalateBlocker(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'escalate', {
    version: input.version,
    check: (b) => (nextBlockerLevel(b.level as BlockerLevel) ? undefined : new AppError(409, 'blocker_top')),
    set: (b, now) => escalatedColumns(b, now),
  });
}
