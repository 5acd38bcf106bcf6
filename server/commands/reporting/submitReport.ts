import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { Ctx } from '../../context.js';
import { takeReportStep } from './reportStep.js';

/**
 * The liaison (or head) hands the report to the unit head. Late is decided at the first submission:
 * submitted (Asia/Shanghai date) after the period's due date. A resubmission after a return keeps the
 * flag as it was — the return was the reviewer's doing, not the unit's delay.
 */
export function submitReport(ctx: Ctx, id: string, input: { version?: number | undefined; comment?: string | undefined }) {
  return takeReportStep(ctx, id, 'submit', {
    version: input.version,
    reason: input.comment || undefined,
    patch: (r, now) => ({
      submittedAt: now,
      late: r.submittedAt ? r.late : !!r.dueDate && shanghaiDate(now) > r.dueDate,
    }),
  });
}
