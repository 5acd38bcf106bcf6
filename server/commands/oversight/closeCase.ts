import type { CaseClose } from '../../../domain/schemas/oversight.js';
import type { Ctx } from '../../context.js';
import { takeCaseStep } from './caseStep.js';

/** 办结: a handled case is closed; it then counts as cleared (清存) on its day. */
export function closeCase(ctx: Ctx, id: string, input: CaseClose) {
  return takeCaseStep(ctx, id, 'close', { version: input.version, comment: input.comment, set: (now) => ({ closedAt: now, closedById: ctx.actor?.userId ?? null }) });
}
