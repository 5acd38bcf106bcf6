import type { DirectivePoint } from '../../../domain/schemas/directive.js';
import { now as clockNow } from '../../clock.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { dispatches } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { checkedDeadline, checkUnits } from '../dispatch/dispatchChecks.js';
import { setRecipients } from '../dispatch/saveDispatch.js';

/** A refusal about one point, its fields named under the point (`points.2.deadline`). */
function underPoint(e: unknown, prefix: string): unknown {
  if (!(e instanceof AppError) || !e.fields || !prefix) return e;
  const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`${prefix}.${k}`, v]));
  return new AppError(e.status, e.code, e.params, fields, e.extra, e.headers);
}

/** Sends one point of a directive to its units at once, tracked to reply like an order. */
export async function sendPoint(tx: Tx, actor: Actor, directive: { id: string; title: string; regionId: string }, point: DirectivePoint, prefix = ''): Promise<string> {
  let deadline: string;
  try {
    await checkUnits(tx, point.unitIds);
    deadline = await checkedDeadline(tx, point.deadline);
  } catch (e) {
    throw underPoint(e, prefix);
  }
  const now = clockNow();
  const [row] = await tx
    .insert(dispatches)
    .values({
      kind: 'directive',
      title: directive.title,
      body: point.content,
      deadline,
      status: 'sent',
      sentAt: now,
      createdById: actor.userId,
      subjectType: 'directive',
      subjectId: directive.id,
      // A point is its directive's, in the directive's region.
      regionId: directive.regionId,
    })
    .returning({ id: dispatches.id });
  await setRecipients(tx, row!.id, point.unitIds);
  return row!.id;
}
