import type { Ctx } from '../../context.js';
import { takeLedgerStep } from './ledgerStep.js';

/** 销号: an inspector closes an entry whose rectification was found effective. */
export function closeLedger(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeLedgerStep(ctx, id, 'close', { version: input.version, set: (_e, now) => ({ closedAt: now, closedById: ctx.actor?.userId ?? null }) });
}
