import type { LedgerReopen } from '../../../domain/schemas/ledger.js';
import type { Ctx } from '../../context.js';
import { takeLedgerStep } from './ledgerStep.js';

/** An inspector sends the entry back to the unit to rectify again, saying why; it counts the reopenings. */
export function reopenLedger(ctx: Ctx, id: string, input: LedgerReopen) {
  return takeLedgerStep(ctx, id, 'reopen', {
    version: input.version,
    set: (e, now) => ({ reopenReason: input.reason, reopenCount: e.reopenCount + 1, reopenedAt: now, reopenedById: ctx.actor?.userId ?? null, closedAt: null, closedById: null }),
  });
}
