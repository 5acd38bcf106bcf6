import type { OversightCaseCreate } from '../../../domain/schemas/oversight.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { oversightCases } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { ensureUnits } from '../planning/checks.js';
import { caseSourceUnit } from './caseSource.js';

/**
 * The oversight role receives a case: typed in, or in one step from a red or overdue item, a blocker
 * or a ledger entry, whose unit is taken unless one is given. The audit record keeps the fact and
 * the id, never the case's words (the auditor must not learn what a case is about).
 */
export async function createOversightCase(ctx: Ctx, input: OversightCaseCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const fromSource = input.source ? await caseSourceUnit(tx, actor, input.source) : null;
    const unitId = input.unitId ?? fromSource;
    if (unitId) await ensureUnits(tx, [unitId], 'unitId', false);
    const [row] = await tx
      .insert(oversightCases)
      .values({
        category: input.category,
        keyLink: input.keyLink ?? null,
        unitId,
        title: input.title,
        summary: input.summary,
        sourceKind: input.source?.kind ?? 'entered',
        sourceId: input.source?.id ?? null,
        createdById: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, 'oversight_case.received', { entity: 'oversight_case', entityId: row!.id });
    return row!;
  });
}
