import { and, asc, eq, inArray } from 'drizzle-orm';
import { appealOpen } from '../../../domain/scoring/appeals.js';
import type { AppealCreate, AppealDecide } from '../../../domain/schemas/assessment.js';
import { recordAudit } from '../../audit.js';
import { now, today } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { assessmentAppeals, assessmentResults, assessmentResultUnits } from '../../db/schema/index.js';
import { AppError, forbidden, notFound, versionConflict } from '../../errors.js';
import { appealUnits, assessmentPolicy } from '../../policies/assessment.js';
import { checkEvidence } from './adjustments.js';
import { computeIn } from './computeResult.js';
import { publishIn } from './publishResult.js';

/**
 * 申诉: the unit's liaison or head contests the unit's published result, within its appeal days,
 * with a reason and optionally evidence. A result the unit cannot read is 404; after the deadline, 409.
 */
export async function fileAppeal(ctx: Ctx, resultId: string, input: AppealCreate) {
  return inTx(ctx, async (tx) => {
    const [result] = await tx.select().from(assessmentResults).where(eq(assessmentResults.id, resultId));
    const mine = appealUnits(ctx.actor);
    const [unit] = mine.length
      ? await tx
          .select({ unitId: assessmentResultUnits.unitId })
          .from(assessmentResultUnits)
          .where(and(eq(assessmentResultUnits.resultId, resultId), inArray(assessmentResultUnits.unitId, mine)))
          .orderBy(asc(assessmentResultUnits.position))
          .limit(1)
      : [];
    if (!result || !assessmentPolicy.row.read(ctx.actor, { status: result.status as 'published', unitId: unit?.unitId ?? null }) || result.status === 'computed') throw notFound('assessment_result');
    if (!unit) throw new AppError(422, 'assessment_not_in_result');
    if (!assessmentPolicy.row.appeal(ctx.actor, { status: result.status as 'published', unitId: unit.unitId })) throw forbidden();
    if (!appealOpen(result.appealDeadline, today())) throw new AppError(409, 'assessment_appeal_closed', { deadline: result.appealDeadline ?? '' });
    await checkEvidence(tx, input.evidenceSha256);
    const [row] = await tx
      .insert(assessmentAppeals)
      .values({ resultId, unitId: unit.unitId, indicator: input.indicator ?? null, reason: input.reason, evidenceSha256: input.evidenceSha256 ?? null, filedById: ctx.actor!.userId })
      .returning();
    await recordAudit(tx, ctx, 'assessment.appealed', { entity: 'assessment_appeal', entityId: row!.id, after: row });
    return row!;
  });
}

/**
 * 办理申诉: an assessor upholds (then corrects what is wrong, recomputes and republishes) or rejects
 * it, with a reply. Nobody decides an appeal they filed or their own unit filed.
 */
export async function decideAppeal(ctx: Ctx, id: string, input: AppealDecide) {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, id)).for('update');
    if (!before) throw notFound('assessment_appeal');
    if (before.version !== input.version) throw versionConflict();
    if (before.status !== 'open') throw new AppError(409, 'assessment_appeal_decided');
    if (before.filedById === ctx.actor?.userId || appealUnits(ctx.actor).includes(before.unitId) || ctx.actor?.unitId === before.unitId) throw new AppError(403, 'assessment_own_appeal');
    const [row] = await tx
      .update(assessmentAppeals)
      .set({ status: input.decision, reply: input.reply, decidedById: ctx.actor?.userId ?? null, decidedAt: now(), version: before.version + 1 })
      .where(eq(assessmentAppeals.id, id))
      .returning();
    await recordAudit(tx, ctx, 'assessment.appeal_decided', { entity: 'assessment_appeal', entityId: id, before, after: row });
    return row!;
  });
}

/**
 * 重新计算并发布 from an upheld appeal: the appeal's scheme and period are computed again from the
 * facts as corrected and published at once, in one transaction, the result appealed against kept as
 * superseded. Only while that result is still the published one (a later publication already
 * answers the appeal), and once per appeal.
 */
export async function republishForAppeal(ctx: Ctx, id: string, version: number) {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, id)).for('update');
    if (!before) throw notFound('assessment_appeal');
    if (before.version !== version) throw versionConflict();
    if (before.status !== 'upheld') throw new AppError(409, 'assessment_appeal_not_upheld');
    if (before.republishedResultId) throw new AppError(409, 'assessment_appeal_republished');
    const [appealed] = await tx.select({ schemeId: assessmentResults.schemeId, period: assessmentResults.period, status: assessmentResults.status }).from(assessmentResults).where(eq(assessmentResults.id, before.resultId));
    if (appealed?.status !== 'published') throw new AppError(409, 'assessment_appeal_republished');
    const computed = await computeIn(tx, ctx, appealed.schemeId, appealed.period);
    const published = await publishIn(tx, ctx, appealed.schemeId, appealed.period);
    const [row] = await tx.update(assessmentAppeals).set({ republishedResultId: computed.row.id, version: before.version + 1 }).where(eq(assessmentAppeals.id, id)).returning();
    // One record for the one write: the appeal answered, with the revision computed and published for it.
    await recordAudit(tx, ctx, 'assessment.appeal_republished', { entity: 'assessment_appeal', entityId: id, before, after: { ...row, result: { ...computed.after, ...published.after, supersededResultId: before.resultId } } });
    return row!;
  });
}
