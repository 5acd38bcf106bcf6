import type { Ctx } from '../../context.js';
import { takeLedgerStep } from './ledgerStep.js';

/** The inspected unit acknowledges the finding (签收) and starts rectifying. */
export function acknowledgeLedger(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeLedgerStep(ctx, id, 'acknowledge', { version: input.version, set: (_e, now) => ({ acknowledgedAt: now, acknowledgedById: ctx.actor?.userId ?? null }) });
}
