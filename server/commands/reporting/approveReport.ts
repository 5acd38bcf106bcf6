import type { Ctx } from '../../context.js';
import { lightEnv } from '../../lights/refresh.js';
import { applyApprovedFacts } from './applyApprovedFacts.js';
import { takeReportStep } from './reportStep.js';
import { now as clockNow } from '../../clock.js';

/** The unit head (一把手) approves the unit's report and sends it on to the task force; the item counts as reported. */
export function approveReport(ctx: Ctx, id: string, input: { version?: number | undefined; comment?: string | undefined }) {
  return takeReportStep(ctx, id, 'approve', {
    version: input.version,
    reason: input.comment || undefined,
    patch: (_r, now) => ({ approvedAt: now }),
    effects: async (tx, saved) => applyApprovedFacts(tx, saved, await lightEnv(tx, saved.approvedAt ?? clockNow())),
  });
}
