import { and, eq, sql } from 'drizzle-orm';
import type { DispatchStatus } from '../../../domain/dispatch.js';
import { dispatchFlow, type DispatchAction } from '../../../domain/workflows/dispatch.js';
import { now as clockNow } from '../../clock.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { dispatchRecipients, dispatches } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { DispatchRow } from '../../models/dispatch.js';
import { dispatchPolicy, type DispatchSubject } from '../../policies/dispatch.js';
import { ownDispatchScope, recipientUnitIds, unitNames } from '../../queries/dispatch/dispatches.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';
import { checkedDeadline } from './dispatchChecks.js';

/** draft → sent (chased while out) → closed, by the HQ office. */
const dispatchWorkflow: Workflow<DispatchRow, DispatchStatus, DispatchAction, DispatchSubject, DispatchRow, Tx> = {
  entity: 'dispatch',
  flow: dispatchFlow,
  done: { send: 'sent', chase: 'chased', close: 'closed' },
  status: (d) => d.status as DispatchStatus,
  version: (d) => d.version,
  subject: async (tx, d) => ({ status: d.status as DispatchStatus, unitIds: await recipientUnitIds(tx, d.id) }),
  may: (actor, subject, action) => dispatchPolicy.row[action](actor, subject),
  invalid: (status, action) => new AppError(409, 'dispatch_step_invalid', { status: `@dispatch_status_${status}`, action: `@dispatch_action_${action}` }),
  // An order read in a district because it was sent there stays its own region's to step (a 404 elsewhere).
  writer: rowWriter(dispatches, 'dispatch', (tx, actor) => ownDispatchScope(tx, actor)),
};

/** The units still without a reply, by id and name. */
async function pendingUnits(tx: Tx, dispatchId: string) {
  const rows = await tx
    .select({ unitId: dispatchRecipients.unitId })
    .from(dispatchRecipients)
    .where(and(eq(dispatchRecipients.dispatchId, dispatchId), eq(dispatchRecipients.status, 'pending')));
  const ids = rows.map((r) => r.unitId);
  return { ids, names: await unitNames(tx, ids) };
}

/**
 * One step of an order. Sending checks the deadline is still ahead (a draft may have waited);
 * chasing (催办) counts a chase on every unit without a reply and writes one audit record naming
 * them (none to chase: 422); closing stops the replies.
 */
export function stepDispatch(ctx: Ctx, id: string, action: DispatchAction, input: { version?: number | undefined }) {
  // The chase's audit note names the units it chased, known only once the row is read and locked:
  // `set` fills this object, which the writer spreads into the record after it.
  const note: Record<string, unknown> = {};
  return takeStep(ctx, dispatchWorkflow, id, action, {
    version: input.version,
    note,
    set: async (tx, d, now) => {
      if (action === 'send') {
        await checkedDeadline(tx, d.deadline);
        return { sentAt: now };
      }
      if (action === 'close') return { closedAt: now };
      const pending = await pendingUnits(tx, d.id);
      if (!pending.ids.length) throw new AppError(422, 'dispatch_nothing_to_chase');
      Object.assign(note, { chasedUnitIds: pending.ids, chasedUnits: pending.names });
      return {};
    },
    effects:
      action === 'chase'
        ? async (tx, d) => {
            await tx
              .update(dispatchRecipients)
              .set({ chasedCount: sql`${dispatchRecipients.chasedCount} + 1`, lastChasedAt: clockNow() })
              .where(and(eq(dispatchRecipients.dispatchId, d.id), eq(dispatchRecipients.status, 'pending')));
          }
        : undefined,
  });
}
