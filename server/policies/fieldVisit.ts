import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { taskForcesOf } from './report.js';

export interface FieldVisitSubject {
  /** The task force that went. */
  bodyId: string;
}

/** A task force logs its own visits; the HQ office may log one for any task force it went with. */
export const logsFor = (a: Actor | null, v: FieldVisitSubject): boolean => hasRole(a, 'hq_office') || taskForcesOf(a).includes(v.bodyId);

/**
 * Field visits (调查研究、现场指导): a task force logs its visits and turns each finding into a
 * blocker or a follow-up in one step; the leader and the HQ office read them all, a task force its own.
 */
export const fieldVisitPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'leader', 'hq_office', 'task_force'),
    log: (a) => hasRole(a, 'hq_office', 'task_force'),
    act: (a) => hasRole(a, 'hq_office', 'task_force'),
  },
  row: {
    read: (a, v: FieldVisitSubject) => hasRole(a, 'leader', 'hq_office') || taskForcesOf(a).includes(v.bodyId),
    act: logsFor,
  },
});
