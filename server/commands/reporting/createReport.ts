import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { reportDueDate } from '../../../domain/periods.js';
import { isFuturePeriod, isPeriodOf } from '../../../domain/reportPeriod.js';
import type { ReportCreate } from '../../../domain/schemas/report.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { reports } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated } from '../../errors.js';
import { loadCalendar } from '../../queries/calendar.js';
import { loadItem } from '../../queries/reporting/items.js';
import { raiseInlineBlockers, setReportEvidence } from './reportContent.js';
import { reportingUnit } from './reportingUnit.js';
import { now as clockNow } from '../../clock.js';
import { referableItem } from '../../queries/writeScope.js';

/**
 * A draft report for the actor's unit on an item it owns, for a period of the item's reporting cycle
 * that has begun and is not closed; with its evidence and inline blockers; one audit record.
 */
export async function createReport(ctx: Ctx, input: ReportCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const item = await loadItem(tx, input.itemType, input.itemId);
    if (!item || !(await referableItem(tx, item.itemType, item.itemId))) throw notFound(input.itemType);
    const unitId = await reportingUnit(tx, actor, item, input.unitId);
    if (!isPeriodOf(input.period, item.periodKind)) {
      throw new AppError(422, 'period_invalid', { period: input.period, item: `@${item.itemType}`, kind: `@${item.periodKind}` }, { period: input.period });
    }
    const calendar = await loadCalendar(tx);
    if (isFuturePeriod(input.period, shanghaiDate(clockNow()))) throw new AppError(422, 'period_future', { period: input.period }, { period: input.period });
    const [existing] = await tx
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.itemType, item.itemType), eq(reports.itemId, item.itemId), eq(reports.unitId, unitId), eq(reports.period, input.period)));
    if (existing?.status === 'accepted') throw new AppError(409, 'period_closed', { period: input.period }, { period: input.period });
    if (existing) throw new AppError(409, 'report_exists', { period: input.period }, { period: input.period });
    const [report] = await tx
      .insert(reports)
      .values({
        itemType: item.itemType,
        itemId: item.itemId,
        unitId,
        period: input.period,
        dueDate: reportDueDate(input.period, calendar) ?? null,
        text: input.text,
        percent: input.percent ?? null,
        actual: input.actual ?? null,
        investment: input.investment ?? null,
        stage: input.stage ?? null,
        createdById: actor.userId,
      })
      .returning();
    const files = await setReportEvidence(tx, actor, report!.id, input.evidence);
    const raised = await raiseInlineBlockers(tx, actor, report!, input.blockers);
    // A new report changes its unit's workbench alone (the period is reported); a blocker raised
    // with it holds its items' lights, which is declared as a change to anything.
    await recordAudit(tx, ctx, 'report.created', { entity: 'report', entityId: report!.id, after: { ...report!, evidence: files, blockers: raised }, ...(raised.length ? {} : { scope: { units: [unitId] } }) });
    return report!;
  });
}
