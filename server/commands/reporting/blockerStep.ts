import type { BlockerLevel, BlockerStatus } from '../../../domain/schemas/blocker.js';
import { blockerFlow, type BlockerAction } from '../../../domain/workflows/blocker.js';
import type { ItemType } from '../../../domain/work.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { blockers } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { blockerPolicy, type BlockerSubject } from '../../policies/blocker.js';
import { loadItem } from '../../queries/reporting/items.js';
import { blockerScope } from '../../queries/reporting/scope.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

type BlockerRow = typeof blockers.$inferSelect;

const blockerWorkflow: Workflow<BlockerRow, BlockerStatus, BlockerAction, BlockerSubject, BlockerRow, Tx> = {
  entity: 'blocker',
  flow: blockerFlow,
  done: { escalate: 'escalated', resolve: 'resolved', instruct: 'instructed' },
  status: (b) => b.status as BlockerStatus,
  version: (b) => b.version,
  async subject(tx, b) {
    const item = await loadItem(tx, b.itemType as ItemType, b.itemId);
    return { status: b.status as BlockerStatus, level: b.level as BlockerLevel, taskForceId: item?.taskForceId ?? null };
  },
  may: (actor, subject, action) => blockerPolicy.row[action](actor, subject),
  invalid: (_status, action) => new AppError(409, 'blocker_resolved', { action: `@action_${action}` }),
  refusal: () => new AppError(403, 'blocker_not_handler'),
  writer: rowWriter(blockers, 'blocker', (tx, actor) => blockerScope(tx, actor)),
};

export interface BlockerStepOptions {
  version?: number | undefined;
  /** 409/422 with a reason when the blocker's level forbids this step, else nothing. */
  check?: (b: BlockerRow) => AppError | undefined;
  set: (b: BlockerRow, now: Date) => Partial<BlockerRow>;
}

/** A step of an open blocker: out of scope is 404; its level decides who handles it. */
export function takeBlockerStep(ctx: Ctx, id: string, action: BlockerAction, o: BlockerStepOptions) {
  return takeStep(ctx, blockerWorkflow, id, action, { version: o.version, check: o.check, set: (_tx, b, now) => o.set(b, now) });
}

