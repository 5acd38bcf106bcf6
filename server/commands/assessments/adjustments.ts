import Decimal from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { AdjustmentCreate } from '../../../domain/schemas/assessment.js';
import { recordAudit } from '../../audit.js';
import { now } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { assessmentAdjustments, evidence, orgUnits } from '../../db/schema/index.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { badReference } from '../planning/checks.js';
import { schemeForPeriod } from './computeResult.js';

/** 422 unless the evidence file is in the evidence store (uploaded through /api/evidence). */
export async function checkEvidence(tx: Tx, sha256: string | null | undefined, field = 'evidenceSha256') {
  if (!sha256) return;
  const [e] = await tx.select({ sha256: evidence.sha256 }).from(evidence).where(eq(evidence.sha256, sha256));
  if (!e) throw badReference(field);
}

/**
 * 录入领导评价 / 加分 / 扣分 for a unit and period. A 领导评价 (0–100) counts at once; a 加分 or 扣分
 * item counts once another assessor approves it. Each with its reason and, if any, evidence.
 */
export async function createAdjustment(ctx: Ctx, schemeId: string, input: AdjustmentCreate) {
  if (input.kind === 'evaluation' && new Decimal(input.points).gt(100)) throw new AppError(422, 'assessment_evaluation_range', {}, { points: 'assessment_evaluation_range' });
  return inTx(ctx, async (tx) => {
    await schemeForPeriod(tx, schemeId, input.period);
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
    if (!unit) throw badReference('unitId');
    await checkEvidence(tx, input.evidenceSha256);
    const evaluation = input.kind === 'evaluation';
    const [row] = await tx
      .insert(assessmentAdjustments)
      .values({
        schemeId,
        period: input.period,
        unitId: input.unitId,
        kind: input.kind,
        points: input.points,
        reason: input.reason,
        evidenceSha256: input.evidenceSha256 ?? null,
        status: evaluation ? 'approved' : 'proposed',
        createdById: ctx.actor?.userId ?? null,
        ...(evaluation ? { approvedById: ctx.actor?.userId ?? null, approvedAt: now() } : {}),
      })
      .returning();
    await recordAudit(tx, ctx, 'assessment.adjustment_added', { entity: 'assessment_adjustment', entityId: row!.id, after: row });
    return row!;
  });
}

/** 审核 a 加分/扣分 item: by an assessor other than who entered it. */
export async function approveAdjustment(ctx: Ctx, id: string, version: number) {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(assessmentAdjustments).where(eq(assessmentAdjustments.id, id)).for('update');
    if (!before) throw notFound('assessment_adjustment');
    if (before.version !== version) throw versionConflict();
    if (before.status !== 'proposed') throw new AppError(409, 'assessment_adjustment_approved');
    if (before.createdById === ctx.actor?.userId) throw new AppError(403, 'assessment_own_adjustment');
    const [row] = await tx
      .update(assessmentAdjustments)
      .set({ status: 'approved', approvedById: ctx.actor?.userId ?? null, approvedAt: now(), version: before.version + 1 })
      .where(eq(assessmentAdjustments.id, id))
      .returning();
    await recordAudit(tx, ctx, 'assessment.adjustment_approved', { entity: 'assessment_adjustment', entityId: id, before, after: row });
    return row!;
  });
}
