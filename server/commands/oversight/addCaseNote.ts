import type { CaseNoteCreate } from '../../../domain/schemas/oversight.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { oversightCaseNotes } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { lockCase } from '../../queries/oversight/scope.js';

/**
 * A confidential note appended to a case, with its author and time (notes are never changed or
 * removed). The audit record says a note was added to the case, not what it says.
 */
export async function addCaseNote(ctx: Ctx, caseId: string, input: CaseNoteCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    await lockCase(tx, actor, caseId);
    const [note] = await tx.insert(oversightCaseNotes).values({ caseId, content: input.content, authorId: actor.userId }).returning({ id: oversightCaseNotes.id });
    await recordAudit(tx, ctx, 'oversight_case.noted', { entity: 'oversight_case', entityId: caseId });
    return note!;
  });
}
