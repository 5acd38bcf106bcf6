import type { Ctx } from '../../context.js';
import { takeReportStep } from './reportStep.js';

/** The task force of the item's plan reviews the report (the HQ office when the plan has none). */
export function reviewReport(ctx: Ctx, id: string, input: { version?: number | undefined; comment?: string | undefined }) {
  return takeReportStep(ctx, id, 'review', { version: input.version, reason: input.comment || undefined, patch: (_r, now) => ({ reviewedAt: now }) });
}
