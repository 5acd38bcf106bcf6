import { and, eq } from 'drizzle-orm';
import type { DispatchCreate, DispatchUpdate } from '../../../domain/schemas/dispatch.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { dispatchRecipients, dispatches } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import { recipientUnitIds } from '../../queries/dispatch/dispatches.js';
import { makerRegionId } from '../../queries/regionScope.js';
import { checkedDeadline, checkUnits } from './dispatchChecks.js';

/** The units an order goes to: those given, in place of any it had. */
export async function setRecipients(tx: Tx, dispatchId: string, unitIds: readonly string[]) {
  await tx.delete(dispatchRecipients).where(eq(dispatchRecipients.dispatchId, dispatchId));
  await tx.insert(dispatchRecipients).values(unitIds.map((unitId) => ({ dispatchId, unitId })));
}

/** The HQ office drafts an order to units; it reaches them when sent. */
export async function createDispatch(ctx: Ctx, input: DispatchCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const deadline = await checkedDeadline(tx, input.deadline);
    await checkUnits(tx, input.unitIds);
    const [row] = await tx
      .insert(dispatches)
      .values({ kind: input.kind, title: input.title, body: input.content, columns: input.columns, deadline, createdById: actor.userId, regionId: await makerRegionId(tx, actor) })
      .returning();
    await setRecipients(tx, row!.id, input.unitIds);
    await recordAudit(tx, ctx, 'dispatch.created', { entity: 'dispatch', entityId: row!.id, after: { ...row, unitIds: input.unitIds } });
    return row!;
  });
}

/** Edits a draft (a sent order is what the units read: it no longer changes). */
export async function updateDispatch(ctx: Ctx, id: string, input: DispatchUpdate) {
  if (!ctx.actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(dispatches).where(eq(dispatches.id, id)).for('update');
    if (!before) throw notFound('dispatch');
    if (before.version !== input.version) throw versionConflict();
    if (before.status !== 'draft') throw new AppError(409, 'dispatch_not_draft', { status: `@dispatch_status_${before.status}` });
    const kind = input.kind ?? before.kind;
    // Another kind keeps no table, unless the edit gives one; a figures order needs one.
    const columns = input.columns ?? (kind === before.kind ? before.columns : []);
    // The shared schema checks kind and table together only when the edit gives both.
    if ((kind === 'figures') !== (columns as unknown[]).length > 0) throw new AppError(422, 'dispatch_columns_kind', {}, { columns: '' });
    const deadline = input.deadline === undefined ? before.deadline : await checkedDeadline(tx, input.deadline);
    if (input.unitIds) {
      await checkUnits(tx, input.unitIds);
      await setRecipients(tx, id, input.unitIds);
    }
    const [after] = await tx
      .update(dispatches)
      .set({ kind, columns, deadline, title: input.title ?? before.title, body: input.content ?? before.body, version: before.version + 1 })
      .where(and(eq(dispatches.id, id), eq(dispatches.version, input.version)))
      .returning();
    await recordAudit(tx, ctx, 'dispatch.updated', { entity: 'dispatch', entityId: id, before, after: { ...after, unitIds: input.unitIds ?? (await recipientUnitIds(tx, id)) } });
    return after!;
  });
}
