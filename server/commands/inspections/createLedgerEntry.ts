import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { defaultRectifyDeadline } from '../../../domain/ledger.js';
import type { LedgerCreate } from '../../../domain/schemas/ledger.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { inspections, ledgerEntries, ledgerItems } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import { loadCalendar } from '../../queries/calendar.js';
import { badReference, ensureItems, ensureUnits, ruleBroken } from '../planning/checks.js';
import { sourceFacts, type SourceFacts } from './ledgerSource.js';
import { referable } from '../../queries/writeScope.js';

/**
 * An inspector records a finding in the ledger (督查台账), in one step from a red light, an overdue
 * item, a blocker or a field-visit finding, or typed in; the unit and items a source knows are
 * taken from it unless given. The rectification is due in 10 workdays unless a day is given.
 */
export async function createLedgerEntry(ctx: Ctx, input: LedgerCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [campaign] = input.inspectionId ? await tx.select().from(inspections).where(and(eq(inspections.id, input.inspectionId), referable(tx, inspections))) : [];
    if (input.inspectionId && !campaign) throw badReference('inspectionId');
    const facts: SourceFacts = input.source ? await sourceFacts(tx, actor, input.source) : { unitId: null, items: [] };
    const unitId = input.unitId ?? facts.unitId;
    if (!unitId) throw ruleBroken('ledger_unit_required', 'unitId', { source: `@ledger_source_${input.source?.kind ?? 'entered'}` });
    await ensureUnits(tx, [unitId], 'unitId', false);
    // A campaign's finding is about a unit it inspects.
    if (campaign && !campaign.unitIds.includes(unitId)) throw ruleBroken('ledger_unit_outside_campaign', 'unitId', { campaign: campaign.title });
    const items = [...new Map((input.items ?? facts.items).map((i) => [i.itemId, i])).values()];
    await ensureItems(tx, items, 'items');
    const today = shanghaiDate(clockNow());
    if (input.deadline !== undefined && input.deadline < today) throw new AppError(422, 'ledger_deadline_past', { deadline: input.deadline }, { deadline: 'ledger_deadline_past' });
    const deadline = input.deadline ?? defaultRectifyDeadline(await loadCalendar(tx), today);
    const [row] = await tx
      .insert(ledgerEntries)
      .values({
        inspectionId: input.inspectionId ?? null,
        unitId,
        keyLink: input.keyLink,
        finding: input.finding,
        requirement: input.requirement,
        deadline,
        sourceKind: input.source?.kind ?? 'entered',
        sourceId: input.source?.id ?? null,
        createdById: actor.userId,
      })
      .returning();
    if (items.length) await tx.insert(ledgerItems).values(items.map((i) => ({ entryId: row!.id, itemType: i.itemType, itemId: i.itemId })));
    await recordAudit(tx, ctx, 'ledger.created', { entity: 'ledger', entityId: row!.id, after: { ...row, items } });
    return row!;
  });
}
