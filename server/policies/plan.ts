import { stepRoles } from '../../domain/workflows/flow.js';
import { PLAN_ACTIONS, planFlow, type PlanAction } from '../../domain/workflows/plan.js';
import type { PlanStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Roles that take an action of the plan flow from some state (route level: the row decides the rest). */
const rolesFor = (action: PlanAction) => [...new Set(Object.values(planFlow).flatMap((steps) => steps?.[action]?.by ?? []))];

/**
 * Plans: everyone signed in reads; the HQ office drafts, submits for review (审议) and publishes;
 * the leader or the HQ office (recording the meeting's decision) approves or returns.
 */
export const planPolicy = {
  read: (a: Actor | null) => !!a,
  create: (a: Actor | null) => hasRole(a, 'hq_office'),
  update: (a: Actor | null) => hasRole(a, 'hq_office'),
  submit: (a: Actor | null) => hasRole(a, ...rolesFor('submit')),
  approve: (a: Actor | null) => hasRole(a, ...rolesFor('approve')),
  publish: (a: Actor | null) => hasRole(a, ...rolesFor('publish')),
  return: (a: Actor | null) => hasRole(a, ...rolesFor('return')),
};

/** Whether the actor may take this step from the plan's current state. */
export const mayStepPlan = (a: Actor | null, status: PlanStatus, action: PlanAction) => hasRole(a, ...stepRoles(planFlow, status, action));

/** One plan's `policies`: what this actor may do to it now. */
export function planRowPolicies(a: Actor | null, p: { status: string }) {
  const status = p.status as PlanStatus;
  const out: Record<string, boolean> = { read: planPolicy.read(a), create: planPolicy.create(a), update: planPolicy.update(a) && status === 'draft' };
  for (const action of PLAN_ACTIONS) out[action] = mayStepPlan(a, status, action);
  return out;
}
