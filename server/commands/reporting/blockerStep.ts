import { eq } from 'drizzle-orm';
import type { BlockerLevel, BlockerStatus } from '../../../domain/schemas/blocker.js';
import { blockerFlow, type BlockerAction } from '../../../domain/workflows/blocker.js';
import type { ItemType } from '../../../domain/work.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { blockerItems, blockers } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { lightEnv, refreshItemLights } from '../../lights/refresh.js';
import { blockerPolicy, type BlockerSubject } from '../../policies/blocker.js';
import { findUnit } from '../../queries/org.js';
import { loadItem } from '../../queries/reporting/items.js';
import { blockerScope } from '../../queries/reporting/scope.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

type BlockerRow = typeof blockers.$inferSelect;

const unitName = async (tx: Tx, id: string | null): Promise<string> => (id ? ((await findUnit(tx, id))?.name ?? '—') : '—');

/** Whoever may take the step, named: the holder at its level, the resolver unit, or the raising unit. */
async function refusal(tx: Tx, b: BlockerRow, _s: BlockerSubject, action: BlockerAction, userId: string | undefined): Promise<AppError> {
  if (action === 'resolve') return new AppError(403, 'blocker_not_resolver', { unit: await unitName(tx, b.resolverUnitId) });
  if (action === 'verify' && userId && userId === b.resolvedById) return new AppError(403, 'blocker_verify_own', { unit: await unitName(tx, b.unitId) });
  if (action === 'verify' || action === 'reopen') return new AppError(403, 'blocker_not_raiser', { unit: await unitName(tx, b.unitId) });
  const level = b.level as BlockerLevel;
  return new AppError(403, 'blocker_not_handler', { level: `@blocker_level_${level}`, holder: `@blocker_holder_${level}` });
}

/**
 * Every step may change what holds its items back (a blocker resolved, reopened, or at another
 * level, which their lights' reasons name): their lights are recomputed in the step's transaction.
 */
async function refreshLights(tx: Tx, b: BlockerRow): Promise<void> {
  const items = await tx.select().from(blockerItems).where(eq(blockerItems.blockerId, b.id));
  await refreshItemLights(tx, items.length ? items : [{ itemType: b.itemType, itemId: b.itemId }], await lightEnv(tx));
}

function blockerWorkflow(ctx: Ctx): Workflow<BlockerRow, BlockerStatus, BlockerAction, BlockerSubject, BlockerRow, Tx> {
  return {
    entity: 'blocker',
    flow: blockerFlow,
    done: { escalate: 'escalated', assign: 'assigned', decide: 'decided', return: 'returned', resolve: 'resolved', verify: 'verified', reopen: 'reopened' },
    status: (b) => b.status as BlockerStatus,
    version: (b) => b.version,
    async subject(tx, b) {
      const item = await loadItem(tx, b.itemType as ItemType, b.itemId);
      return blockerSubject(b, item?.taskForceId ?? null);
    },
    may: (actor, subject, action) => blockerPolicy.row[action](actor, subject),
    invalid: (status, action) => new AppError(409, 'blocker_step_invalid', { status: `@blocker_status_${status}`, action: `@action_${action}` }),
    refusal: (tx, b, s, action) => refusal(tx, b, s, action, ctx.actor?.userId),
    writer: rowWriter(blockers, 'blocker', (tx, actor) => blockerScope(tx, actor)),
  };
}

/** What the blocker policy's row tier looks at. */
export function blockerSubject(b: BlockerRow, taskForceId: string | null): BlockerSubject {
  return {
    status: b.status as BlockerStatus,
    level: b.level as BlockerLevel,
    taskForceId,
    unitId: b.unitId,
    resolverUnitId: b.resolverUnitId,
    resolvedById: b.resolvedById,
  };
}

export interface BlockerStepOptions {
  version?: number | undefined;
  /** 409/422 with a reason when the blocker's state forbids this step, else nothing. */
  check?: (b: BlockerRow) => AppError | undefined;
  set: (b: BlockerRow, now: Date, tx: Tx) => Partial<BlockerRow> | Promise<Partial<BlockerRow>>;
  note?: Record<string, unknown>;
}

/** A step of a blocker: out of scope is 404; its level and units decide who takes it; its items' lights follow. */
export function takeBlockerStep(ctx: Ctx, id: string, action: BlockerAction, o: BlockerStepOptions) {
  return takeStep(ctx, blockerWorkflow(ctx), id, action, {
    version: o.version,
    check: o.check,
    set: (tx, b, now) => o.set(b, now, tx),
    ...(o.note ? { note: o.note } : {}),
    effects: (tx, _before, after) => refreshLights(tx, after),
  });
}
