import { and, eq } from 'drizzle-orm';
import type { BlockerLevel, BlockerStatus } from '../../../domain/schemas/blocker.js';
import type { ItemType } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { blockers } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import type { BlockerSubject } from '../../policies/blocker.js';
import { loadItem } from '../../queries/reporting/items.js';
import { blockerScope } from '../../queries/reporting/scope.js';
import { now as clockNow } from '../../clock.js';

type BlockerRow = typeof blockers.$inferSelect;

const PAST = { escalate: 'escalated', resolve: 'resolved', instruct: 'instructed' } as const;

export interface BlockerStepOptions {
  action: 'escalate' | 'resolve' | 'instruct';
  version?: number | undefined;
  /** 409 with a reason when the blocker's state forbids the step, else nothing. */
  check: (b: BlockerRow) => AppError | undefined;
  allowed: (subject: BlockerSubject) => boolean;
  patch: (b: BlockerRow, now: Date) => Partial<BlockerRow>;
}

/** Escalating or resolving a blocker: lock it (404 out of scope), check state then rights, update, one audit record. */
export async function takeBlockerStep(ctx: Ctx, id: string, o: BlockerStepOptions) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(blockers)
      .where(and(eq(blockers.id, id), blockerScope(tx, actor)))
      .for('update');
    if (!before) throw notFound('blocker');
    if (o.version !== undefined && o.version !== before.version) throw versionConflict();
    if (before.status === 'resolved') throw new AppError(409, 'blocker_resolved', { action: `@action_${o.action}` });
    const refused = o.check(before);
    if (refused) throw refused;
    const item = await loadItem(tx, before.itemType as ItemType, before.itemId);
    const subject = { status: before.status as BlockerStatus, level: before.level as BlockerLevel, taskForceId: item?.taskForceId ?? null };
    if (!o.allowed(subject)) throw new AppError(403, 'blocker_not_handler');
    const [after] = await tx
      .update(blockers)
      .set({ ...o.patch(before, clockNow()), version: before.version + 1 })
      .where(eq(blockers.id, id))
      .returning();
    await recordAudit(tx, ctx, `blocker.${PAST[o.action]}`, { entity: 'blocker', entityId: id, before, after });
    return after!;
  });
}
