import { lowerBlockerLevels, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { ruleBroken } from '../planning/checks.js';
import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/**
 * 批示/退回: the holder sends a blocker back down with an instruction, to the level that is to act
 * on it (one below unless another lower level is named). It stays open there, with the instruction
 * on it for the unit and whoever handles it to read.
 */
export function returnBlocker(ctx: Ctx, id: string, input: { instruction: string; level?: BlockerLevel | undefined; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'return', {
    version: input.version,
    check: (b) => (input.level && !lowerBlockerLevels(b.level as BlockerLevel).includes(input.level) ? ruleBroken('blocker_level_not_lower', 'level') : undefined),
    set: (b, now) => {
      const lower = lowerBlockerLevels(b.level as BlockerLevel);
      return { level: input.level ?? lower[lower.length - 1]!, levelSince: now, instruction: input.instruction, instructedAt: now, decidedById: ctx.actor?.userId ?? null };
    },
  });
}
