import { nextBlockerLevel, type BlockerLevel, type BlockerStatus } from '../../domain/schemas/blocker.js';
import { blockerFlow, BLOCKER_ACTIONS, type BlockerAction } from '../../domain/workflows/blocker.js';
import { stepRoles } from '../../domain/workflows/flow.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, type RowRule } from './policy.js';
import { holdsUnitRole, SEE_ALL_REPORTS, taskForcesOf } from './report.js';

export interface BlockerSubject {
  status: BlockerStatus;
  level: BlockerLevel;
  taskForceId: string | null;
  /** The raising unit: it verifies or reopens the resolution, and may take it up from unit level. */
  unitId: string;
  /** 交办: the unit given it to solve. */
  resolverUnitId: string | null;
  /** Who recorded the resolution: they may not verify it themselves. */
  resolvedById: string | null;
}

/**
 * The holder at the blocker's level: the plan's task force while it sits at unit or task-force
 * level, the HQ office at any level, the leader at the leading group.
 */
export function holdsBlocker(a: Actor | null, b: Pick<BlockerSubject, 'level' | 'taskForceId'>): boolean {
  if (hasRole(a, 'hq_office')) return true;
  if (b.level === 'leading_group' && hasRole(a, 'leader')) return true;
  return !!b.taskForceId && taskForcesOf(a).includes(b.taskForceId) && (b.level === 'unit' || b.level === 'task_force');
}

const forUnit = (a: Actor | null, unitId: string | null) => !!unitId && holdsUnitRole(a, unitId, 'liaison', 'unit_head');

/** Who may take each step on this row, beyond the flow allowing it from the row's state. */
const RULES: Record<BlockerAction, (a: Actor | null, b: BlockerSubject) => boolean> = {
  escalate: (a, b) => !!nextBlockerLevel(b.level) && (holdsBlocker(a, b) || (b.level === 'unit' && b.status === 'open' && forUnit(a, b.unitId))),
  assign: holdsBlocker,
  decide: holdsBlocker,
  return: (a, b) => b.level !== 'unit' && holdsBlocker(a, b),
  resolve: (a, b) => forUnit(a, b.resolverUnitId),
  // The one who recorded the resolution does not verify it: someone else of the raising unit does.
  verify: (a, b) => forUnit(a, b.unitId) && !!a && a.userId !== b.resolvedById,
  reopen: (a, b) => forUnit(a, b.unitId),
};

const rowRule =
  (action: BlockerAction): RowRule<BlockerSubject> =>
  (a, b) =>
    stepRoles(blockerFlow, b.status, action).some((r) => hasRole(a, r)) && RULES[action](a, b);

/**
 * Blockers: units raise them; the holder at each level escalates, assigns, decides or returns them;
 * the resolver unit resolves; the raising unit verifies or reopens. The route tier of each step is
 * the roles its flow names.
 */
export const blockerPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'liaison', 'unit_head', 'task_force', 'oversight', ...SEE_ALL_REPORTS),
    raise: (a) => hasRole(a, 'liaison', 'unit_head'),
    ...(Object.fromEntries(BLOCKER_ACTIONS.map((action) => [action, (a: Actor | null) => hasRole(a, ...flowRoles(blockerFlow, action))])) as Record<BlockerAction, (a: Actor | null) => boolean>),
  },
  row: Object.fromEntries(BLOCKER_ACTIONS.map((action) => [action, rowRule(action)])) as Record<BlockerAction, RowRule<BlockerSubject>>,
});
