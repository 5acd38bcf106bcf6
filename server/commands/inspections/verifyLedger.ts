import type { LedgerVerify } from '../../../domain/schemas/ledger.js';
import type { Ctx } from '../../context.js';
import { takeLedgerStep } from './ledgerStep.js';

/** 跟踪问效: an inspector (not the one who rectified) judges the rectification effective or not. */
export function verifyLedger(ctx: Ctx, id: string, input: LedgerVerify) {
  return takeLedgerStep(ctx, id, 'verify', {
    version: input.version,
    set: (_e, now) => ({ verdict: input.verdict, verifyComment: input.comment, verifiedAt: now, verifiedById: ctx.actor?.userId ?? null }),
  });
}
