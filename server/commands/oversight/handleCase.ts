import type { CaseHandle } from '../../../domain/schemas/oversight.js';
import type { Ctx } from '../../context.js';
import { takeCaseStep } from './caseStep.js';

/** 处置: how the case was dealt with (谈话提醒, 批评教育, 通报, 移送 …), required, and in words. */
export function handleCase(ctx: Ctx, id: string, input: CaseHandle) {
  return takeCaseStep(ctx, id, 'handle', {
    version: input.version,
    set: (now) => ({ disposal: input.disposal, disposalText: input.disposalText, handledAt: now, handledById: ctx.actor?.userId ?? null }),
  });
}
