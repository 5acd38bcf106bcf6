import { nextBlockerLevel, type BlockerLevel, type BlockerStatus } from '../../domain/schemas/blocker.js';
import { blockerFlow } from '../../domain/workflows/blocker.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles } from './policy.js';
import { SEE_ALL_REPORTS, taskForcesOf } from './report.js';

export interface BlockerSubject {
  status: BlockerStatus;
  level: BlockerLevel;
  taskForceId: string | null;
}

/**
 * The task force handles its plans' blockers while they sit at unit or task-force level; the HQ
 * office handles any; the leader those at the leading group.
 */
function handles(a: Actor | null, b: BlockerSubject): boolean {
  if (hasRole(a, 'hq_office')) return true;
  if (b.level === 'leading_group' && hasRole(a, 'leader')) return true;
  return !!b.taskForceId && taskForcesOf(a).includes(b.taskForceId) && (b.level === 'unit' || b.level === 'task_force');
}

/**
 * Blockers: the unit raises them; the plan's task force and the HQ office escalate and resolve them;
 * those escalated to the leading group the leader decides (the HQ office may record the decision on
 * the leader's behalf): resolve with the decision, or send back down with an instruction (批示).
 */
export const blockerPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'liaison', 'unit_head', 'task_force', 'oversight', ...SEE_ALL_REPORTS),
    raise: (a) => hasRole(a, 'liaison', 'unit_head'),
    escalate: (a) => hasRole(a, ...flowRoles(blockerFlow, 'escalate')),
    resolve: (a) => hasRole(a, ...flowRoles(blockerFlow, 'resolve')),
    instruct: (a) => hasRole(a, ...flowRoles(blockerFlow, 'instruct')),
  },
  row: {
    escalate: (a, b: BlockerSubject) => b.status === 'open' && !!nextBlockerLevel(b.level) && handles(a, b),
    resolve: (a, b: BlockerSubject) => b.status === 'open' && handles(a, b),
    instruct: (a, b: BlockerSubject) => b.status === 'open' && b.level === 'leading_group' && hasRole(a, 'leader', 'hq_office'),
  },
});
