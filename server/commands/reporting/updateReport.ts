import { eq } from 'drizzle-orm';
import { FIGURE_OF, type ReportUpdate } from '../../../domain/schemas/report.js';
import { reportEditable } from '../../../domain/workflows/report.js';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { orgUnits, reports } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned.js';
import { AppError, unauthenticated, versionConflict } from '../../errors.js';
import { holdsUnitRole } from '../../policies/report.js';
import { raiseInlineBlockers, setReportEvidence } from './reportContent.js';
import { lockVisibleReport } from './reportStep.js';

/** The figure fields a report on this kind of item may carry. */
function checkFigures(itemType: ItemType, input: ReportUpdate) {
  for (const field of ['percent', 'actual', 'investment', 'stage'] as const) {
    const allowed = field === FIGURE_OF[itemType] || (field === 'stage' && itemType === 'project');
    if (input[field] !== undefined && !allowed) throw new AppError(422, 'report_field_invalid', { field: `@${field}`, item: `@${itemType}` }, { [field]: field });
  }
}

/**
 * Edits a report while it is with its unit (draft or returned) — 409 once it is submitted — by the
 * unit's liaison or head, on the version the client read; `evidence` replaces the list, `blockers` add.
 */
export async function updateReport(ctx: Ctx, id: string, input: ReportUpdate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const before = await lockVisibleReport(tx, actor, id);
    if (input.version !== before.version) throw versionConflict();
    if (!reportEditable(before.status as ReportStatus)) throw new AppError(409, 'report_not_editable', { status: `@status_${before.status}` });
    if (!holdsUnitRole(actor, before.unitId, 'liaison', 'unit_head')) {
      const [unit] = await tx.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, before.unitId));
      throw new AppError(403, 'report_step_unit', { unit: unit?.name ?? '', role: '@role_liaison_or_head' });
    }
    checkFigures(before.itemType as ItemType, input);
    const { version, evidence: refs, blockers: raisedInput, ...fields } = input;
    const after = await updateVersioned(tx, reports, 'report', id, version, fields);
    const files = refs ? await setReportEvidence(tx, actor, id, refs) : undefined;
    const raised = await raiseInlineBlockers(tx, actor, after, raisedInput ?? []);
    // As createReport: its unit's workbench alone, unless blockers are raised with it.
    await recordAudit(tx, ctx, 'report.updated', {
      entity: 'report',
      entityId: id,
      before,
      after: { ...after, ...(files ? { evidence: files } : {}), ...(raised.length ? { blockers: raised } : {}) },
      ...(raised.length ? {} : { scope: { units: [before.unitId] } }),
    });
    return after;
  });
}
