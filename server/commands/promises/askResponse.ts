import { shanghaiDate } from '../../../domain/calendar/days.js';
import { responseDeadline } from '../../../domain/promises.js';
import type { ResponseRequestCreate } from '../../../domain/schemas/promise.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { oversightCaseRequests, responseRequests } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { lockCase } from '../../queries/oversight/scope.js';
import { loadCalendar } from '../../queries/calendar.js';
import { ensureUnits } from '../planning/checks.js';

/**
 * The oversight role asks a unit, from a case, for a written response (书面说明). The request is a
 * row of its own, with a fresh id and no case id; the case names it in the oversight table
 * `oversight_case_requests`. Its audit record names the request, its unit and deadline, never the
 * case nor the words (the auditor reads the log; the words are for the unit).
 */
export async function askResponse(ctx: Ctx, caseId: string, input: ResponseRequestCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    await lockCase(tx, actor, caseId);
    await ensureUnits(tx, [input.unitId], 'unitId', false);
    const deadline = responseDeadline(await loadCalendar(tx), shanghaiDate(clockNow()), input.workdays);
    const [row] = await tx
      .insert(responseRequests)
      .values({ unitId: input.unitId, text: input.text, enterprise: input.enterprise ?? null, deadline, requestedById: actor.userId })
      .returning();
    await tx.insert(oversightCaseRequests).values({ caseId, requestId: row!.id });
    await recordAudit(tx, ctx, 'response_request.requested', { entity: 'response_request', entityId: row!.id, after: { unitId: row!.unitId, deadline } });
    return row!;
  });
}
