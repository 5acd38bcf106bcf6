import type { Ctx } from '../../context.js';
import { takeReportStep } from './reportStep.js';

/** The unit head (一把手) approves the unit's report and sends it on to the task force. */
export function approveReport(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeReportStep(ctx, id, 'approve', { version: input.version, patch: (_r, now) => ({ approvedAt: now }) });
}
