import type { PromiseBreak, PromiseKeep } from '../../../domain/schemas/promise.js';
import type { Ctx } from '../../context.js';
import { promiseEvidence } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { replaceEvidence } from './attachEvidence.js';
import { takePromiseStep } from './promiseStep.js';

/** The promising unit says how the promise was kept, with its evidence (from the evidence store). */
export function keepPromise(ctx: Ctx, id: string, input: PromiseKeep) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const note: Record<string, unknown> = {};
  return takePromiseStep(ctx, id, 'keep', {
    version: input.version,
    note,
    set: async (p, now, tx) => {
      Object.assign(note, { evidence: await replaceEvidence(tx, actor, promiseEvidence, promiseEvidence.promiseId, 'promiseId', p.id, input.evidence) });
      return { keptNote: input.note, keptById: actor.userId, keptAt: now };
    },
  });
}

/** The oversight role finds a promise broken, and says why. */
export function breakPromise(ctx: Ctx, id: string, input: PromiseBreak) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return takePromiseStep(ctx, id, 'break', { version: input.version, set: (_p, now) => ({ brokenReason: input.reason, brokenById: actor.userId, brokenAt: now }) });
}
