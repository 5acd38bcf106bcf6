import { lowerBlockerLevels, type BlockerLevel } from '../../../domain/schemas/blocker.js';
import { AppError } from '../../errors.js';
import { ruleBroken } from '../planning/checks.js';
import type { Ctx } from '../../context.js';
import { takeBlockerStep } from './blockerStep.js';

/**
 * 批示: the leading group sends a blocker escalated to it back down with an instruction, to the
 * level that is to act on it (one below unless another lower level is named). The blocker stays open
 * there, with the instruction on it for the unit and whoever handles it to read.
 */
export function instructBlocker(ctx: Ctx, id: string, input: { instruction: string; level?: BlockerLevel | undefined; version?: number | undefined }) {
  return takeBlockerStep(ctx, id, 'instruct', {
    version: input.version,
    check: (b) => {
      const lower = lowerBlockerLevels(b.level as BlockerLevel);
      if (b.level !== 'leading_group') return new AppError(409, 'blocker_not_at_leading_group');
      if (input.level && !lower.includes(input.level)) return ruleBroken('blocker_level_not_lower', 'level');
      return undefined;
    },
    set: (b, now) => {
      const lower = lowerBlockerLevels(b.level as BlockerLevel);
      return { level: input.level ?? lower[lower.length - 1]!, instruction: input.instruction, instructedAt: now, decidedById: ctx.actor?.userId ?? null };
    },
  });
}
