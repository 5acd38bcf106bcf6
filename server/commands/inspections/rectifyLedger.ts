import type { LedgerRectify } from '../../../domain/schemas/ledger.js';
import type { Ctx } from '../../context.js';
import { unauthenticated } from '../../errors.js';
import { setLedgerEvidence } from './ledgerEvidence.js';
import { takeLedgerStep } from './ledgerStep.js';

/**
 * The inspected unit says what it did (整改措施) with its evidence; a new submission after a reopen
 * replaces both. The one who submits it may not be the one who verifies it.
 */
export function rectifyLedger(ctx: Ctx, id: string, input: LedgerRectify) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  // The evidence list is checked and written in the step's transaction; the audit record names it.
  const note: Record<string, unknown> = {};
  return takeLedgerStep(ctx, id, 'rectify', {
    version: input.version,
    note,
    set: async (e, now, tx) => {
      Object.assign(note, { evidence: await setLedgerEvidence(tx, actor, e.id, input.evidence) });
      return { measures: input.measures, rectifiedAt: now, rectifiedById: actor.userId, verdict: null, verifyComment: null };
    },
  });
}
