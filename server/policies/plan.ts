import { PLAN_ACTIONS, planFlow } from '../../domain/workflows/plan.js';
import type { PlanStatus } from '../../domain/work.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep, stepRules } from './policy.js';

export interface PlanSubject {
  status: PlanStatus;
}

/** The plan flow's roles are program roles: whoever holds one takes the step on any plan. */
export const mayStepPlan = mayStep(planFlow, (a, _p: PlanSubject, role) => hasRole(a, role));

/**
 * Plans: everyone signed in reads; the HQ office drafts, submits for review (审议) and publishes;
 * the leader or the HQ office (recording the meeting's decision) approves or returns.
 */
export const planPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    submit: (a) => hasRole(a, ...flowRoles(planFlow, 'submit')),
    approve: (a) => hasRole(a, ...flowRoles(planFlow, 'approve')),
    publish: (a) => hasRole(a, ...flowRoles(planFlow, 'publish')),
    return: (a) => hasRole(a, ...flowRoles(planFlow, 'return')),
  },
  row: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a, p: PlanSubject) => hasRole(a, 'hq_office') && p.status === 'draft',
    ...stepRules(PLAN_ACTIONS, mayStepPlan),
  },
});
