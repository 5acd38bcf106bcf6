import { shanghaiDate } from '../../../domain/calendar/days.js';
import { promiseDeadlineOk } from '../../../domain/promises.js';
import type { PromiseDraft, ResponseDraft, ResponseSend } from '../../../domain/schemas/promise.js';
import type { Actor, Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { promises, responseRequestEvidence } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import type { RequestRow } from '../../models/promises.js';
import { ruleBroken } from '../planning/checks.js';
import { replaceEvidence } from './attachEvidence.js';
import { takeRequestStep } from './requestStep.js';

/** 422 naming the first promise whose deadline has already passed. */
function checkPromises(list: readonly PromiseDraft[], now: Date) {
  const today = shanghaiDate(now);
  const bad = list.findIndex((p) => !promiseDeadlineOk(p.deadline, today));
  if (bad >= 0) throw ruleBroken('promise_deadline_past', `promises.${bad}.deadline`, { deadline: list[bad]!.deadline });
}

/** The answer's columns and evidence as written now; the audit record's note names the files. */
async function written(tx: Tx, actor: Actor, r: RequestRow, input: { answer: string; evidence?: ResponseDraft['evidence'] | undefined; promises?: PromiseDraft[] | undefined }, now: Date, note: Record<string, unknown>) {
  const list = input.promises ?? r.draftPromises;
  checkPromises(list, now);
  if (input.evidence) Object.assign(note, { evidence: await replaceEvidence(tx, actor, responseRequestEvidence, responseRequestEvidence.requestId, 'requestId', r.id, input.evidence) });
  return { answer: input.answer, draftPromises: list };
}

/** The unit's liaison or head writes (or amends) the answer, its evidence and the promises it makes: a draft until the head sends it. */
export function draftResponse(ctx: Ctx, id: string, input: ResponseDraft) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const note: Record<string, unknown> = {};
  return takeRequestStep(ctx, id, 'draft', {
    version: input.version,
    note,
    set: async (r, now, tx) => ({ ...(await written(tx, actor, r, input, now, note)), draftedById: actor.userId, draftedAt: now }),
  });
}

/**
 * The unit head signs and sends the answer (the draft, or what this body says): the request ends,
 * and the promises it makes enter the 履约践诺 ledger in the same transaction. A second send is 409.
 */
export function sendResponse(ctx: Ctx, id: string, input: ResponseSend) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const note: Record<string, unknown> = {};
  return takeRequestStep(ctx, id, 'send', {
    version: input.version,
    note,
    set: async (r, now, tx) => {
      const answer = input.answer ?? r.answer;
      if (!answer) throw ruleBroken('response_answer_missing', 'answer');
      const cols = await written(tx, actor, r, { answer, evidence: input.evidence, promises: input.promises }, now, note);
      Object.assign(note, { promises: cols.draftPromises.length });
      return { ...cols, answeredById: actor.userId, answeredAt: now };
    },
    effects: async (tx, _before, after) => {
      if (after.draftPromises.length)
        await tx.insert(promises).values(after.draftPromises.map((p) => ({ requestId: after.id, unitId: after.unitId, enterprise: p.enterprise, content: p.content, deadline: p.deadline, createdById: actor.userId })));
    },
  });
}
