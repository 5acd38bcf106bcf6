import { and, desc, eq } from 'drizzle-orm';
import { appealDeadline } from '../../../domain/scoring/appeals.js';
import { recordAudit } from '../../audit.js';
import { now, today } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { assessmentResults } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { loadCalendar } from '../../queries/calendar.js';
import { schemeForPeriod } from './computeResult.js';

/**
 * 发布: the period's latest computed revision becomes the published result (frozen as computed);
 * the one published before it, if any, is kept as superseded. Units may appeal for
 * APPEAL_WORKDAYS workdays. Refused when the latest revision is not a fresh computation.
 */
export async function publishResult(ctx: Ctx, id: string, period: string) {
  return inTx(ctx, async (tx) => {
    const { row, after } = await publishIn(tx, ctx, id, period);
    await recordAudit(tx, ctx, 'assessment.published', { entity: 'assessment_result', entityId: row.id, after });
    return row;
  });
}

/** publishResult's work inside a transaction the caller holds, without its audit record (the caller writes it). */
export async function publishIn(tx: Tx, ctx: Ctx, id: string, period: string) {
  await schemeForPeriod(tx, id, period);
  const where = and(eq(assessmentResults.schemeId, id), eq(assessmentResults.period, period));
  const [latest] = await tx.select().from(assessmentResults).where(where).orderBy(desc(assessmentResults.revision)).limit(1).for('update');
  if (!latest || latest.status !== 'computed') throw new AppError(409, 'assessment_not_computed', { period });
  await tx.update(assessmentResults).set({ status: 'superseded' }).where(and(where, eq(assessmentResults.status, 'published')));
  const deadline = appealDeadline(await loadCalendar(tx), today());
  const [row] = await tx
    .update(assessmentResults)
    .set({ status: 'published', publishedAt: now(), publishedById: ctx.actor?.userId ?? null, appealDeadline: deadline })
    .where(eq(assessmentResults.id, latest.id))
    .returning({ id: assessmentResults.id });
  return { row: row!, after: { schemeId: id, period, revision: latest.revision, appealDeadline: deadline } };
}
