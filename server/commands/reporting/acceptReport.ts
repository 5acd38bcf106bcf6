import type { Ctx } from '../../context.js';
import { lightEnv } from '../../lights/refresh.js';
import { applyAcceptedFacts } from './applyAcceptedFacts.js';
import { takeReportStep } from './reportStep.js';
import { now as clockNow } from '../../clock.js';

/** The HQ office accepts the report: its figures become the item's facts and the lights follow, in the same transaction. */
export function acceptReport(ctx: Ctx, id: string, input: { version?: number | undefined; comment?: string | undefined }) {
  return takeReportStep(ctx, id, 'accept', {
    version: input.version,
    reason: input.comment || undefined,
    patch: (_r, now) => ({ acceptedAt: now }),
    effects: async (tx, saved) => applyAcceptedFacts(tx, saved, await lightEnv(tx, saved.acceptedAt ?? clockNow())),
  });
}
