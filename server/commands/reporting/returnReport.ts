import type { Ctx } from '../../context.js';
import { takeReportStep } from './reportStep.js';

/** Whoever holds the report now (unit head, task force, HQ office) sends it back to the unit with a reason. */
export function returnReport(ctx: Ctx, id: string, input: { reason: string; version?: number | undefined }) {
  return takeReportStep(ctx, id, 'return', {
    version: input.version,
    reason: input.reason,
    patch: (_r, now) => ({ returnedAt: now, returnReason: input.reason }),
  });
}
