import { nextBlockerLevel, type BlockerLevel, type BlockerStatus } from '../../domain/schemas/blocker.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { SEE_ALL_REPORTS, taskForcesOf } from './report.js';

/** Blockers: the unit raises them; the plan's task force and the HQ office escalate and resolve them. */
export const blockerPolicy = {
  read: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head', 'task_force', 'oversight', ...SEE_ALL_REPORTS),
  raise: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head'),
  escalate: (a: Actor | null) => hasRole(a, 'task_force', 'hq_office'),
  resolve: (a: Actor | null) => hasRole(a, 'task_force', 'hq_office'),
};

export interface BlockerSubject {
  status: BlockerStatus;
  level: BlockerLevel;
  taskForceId: string | null;
}

/** The task force handles its plans' blockers while they sit at unit or task-force level; the HQ office handles any. */
function handles(a: Actor | null, b: BlockerSubject): boolean {
  if (hasRole(a, 'hq_office')) return true;
  return !!b.taskForceId && taskForcesOf(a).includes(b.taskForceId) && (b.level === 'unit' || b.level === 'task_force');
}

export const blockerRowPolicy = {
  escalate: (a: Actor | null, b: BlockerSubject) => b.status === 'open' && !!nextBlockerLevel(b.level) && handles(a, b),
  resolve: (a: Actor | null, b: BlockerSubject) => b.status === 'open' && handles(a, b),
};

export const evaluateBlocker = (a: Actor | null, b: BlockerSubject) => ({ escalate: blockerRowPolicy.escalate(a, b), resolve: blockerRowPolicy.resolve(a, b) });
