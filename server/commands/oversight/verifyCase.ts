import type { CaseVerify } from '../../../domain/schemas/oversight.js';
import type { Ctx } from '../../context.js';
import { takeCaseStep } from './caseStep.js';

/** 初核: the oversight role takes the case up for verification; what it says is kept as a note. */
export function verifyCase(ctx: Ctx, id: string, input: CaseVerify) {
  return takeCaseStep(ctx, id, 'verify', { version: input.version, comment: input.comment, set: (now) => ({ verifiedAt: now, verifiedById: ctx.actor?.userId ?? null }) });
}
