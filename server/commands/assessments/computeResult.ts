import { and, desc, eq } from 'drizzle-orm';
import { scoringDay } from '../../../domain/scoring/appeals.js';
import { assessCategory } from '../../../domain/scoring/rank.js';
import { assessmentPeriodRange, type AssessmentCategory } from '../../../domain/scoring/scheme.js';
import { recordAudit } from '../../audit.js';
import { today } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { assessmentResults, assessmentSchemes } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { gatherFacts } from '../../queries/assessments/facts.js';
import { loadCalendar } from '../../queries/calendar.js';
import { storeResult } from './storeResult.js';

/** The scheme, or 404; the period must lie in the scheme's year (422 naming `period`). */
export async function schemeForPeriod(tx: Tx, id: string, period: string) {
  const [scheme] = await tx.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id));
  if (!scheme) throw notFound('assessment_scheme');
  if (!period.startsWith(String(scheme.year))) throw new AppError(422, 'assessment_period_year', { year: scheme.year }, { period: 'assessment_period_year' });
  return scheme;
}

/**
 * 计算: scores and ranks every unit of the scheme's category for the period from the facts as they
 * are now, with every point explained, and keeps it as the period's next revision (computed, not
 * yet published). An empty category is refused: there is nothing to rank.
 */
export async function computeResult(ctx: Ctx, id: string, period: string) {
  return inTx(ctx, async (tx) => {
    const { row, after } = await computeIn(tx, ctx, id, period);
    await recordAudit(tx, ctx, 'assessment.computed', { entity: 'assessment_result', entityId: row.id, after });
    return row;
  });
}

/**
 * computeResult's work inside a transaction the caller holds, without its audit record: the caller
 * writes the one record of its write (the appeal's recompute-and-republish writes one for both steps).
 */
export async function computeIn(tx: Tx, ctx: Ctx, id: string, period: string) {
  const scheme = await schemeForPeriod(tx, id, period);
  const cal = await loadCalendar(tx);
  const facts = await gatherFacts(tx, scheme.id, scheme.regionId, scheme.category as AssessmentCategory, period, cal);
  if (facts.length === 0) throw new AppError(422, 'assessment_empty_category', {}, { category: 'assessment_empty_category' });
  const asOf = scoringDay(assessmentPeriodRange(period)!.end, today());
  const units = assessCategory({ year: scheme.year, category: scheme.category as AssessmentCategory, indicators: scheme.indicators, rules: scheme.rules }, facts, asOf, cal);
  const [last] = await tx
    .select({ revision: assessmentResults.revision })
    .from(assessmentResults)
    .where(and(eq(assessmentResults.schemeId, id), eq(assessmentResults.period, period)))
    .orderBy(desc(assessmentResults.revision))
    .limit(1);
  const row = await storeResult(tx, { schemeId: id, period, revision: (last?.revision ?? 0) + 1, schemeVersion: scheme.schemeVersion, indicators: scheme.indicators, rules: scheme.rules, asOf, computedById: ctx.actor?.userId ?? null }, units);
  return { row, after: { resultId: row.id, schemeId: id, period, revision: row.revision, asOf, units: units.length } };
}
