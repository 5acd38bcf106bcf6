import type { Role } from '../../domain/enums.js';
import { claimFlow, type ClaimAction } from '../../domain/workflows/claim.js';
import type { ClaimStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep } from './policy.js';

/** Units for which the actor holds one of these roles; a unit role granted without a unit is for the user's own unit. */
export function unitsActedFor(a: Actor | null, roles: readonly Role[]): string[] {
  if (!a) return [];
  return [...new Set(a.roles.filter((g) => roles.includes(g.role) && !g.bodyId).map((g) => g.unitId ?? a.unitId))];
}

/** One unit's share of a task: its claim steps are that unit's to take. */
export interface ClaimSubject {
  status: ClaimStatus;
  unitId: string;
}

/** Whether the actor may take a claim step for this unit now: the flow names the roles, scoped to the unit. */
export const mayStepClaim = mayStep(claimFlow, (a, c: ClaimSubject, role) => unitsActedFor(a, [role]).includes(c.unitId));

/** A task's row rules see all its units: a claim step counts when the actor may take it for one of them. */
const forSomeUnit = (action: ClaimAction) => (a: Actor | null, units: readonly ClaimSubject[]) => units.some((u) => mayStepClaim(a, u, action));

/**
 * Tasks: everyone signed in reads; the HQ office breaks plans down into tasks and milestones;
 * an assigned unit's liaison or head claims (认领), and its head approves or returns the claim.
 */
export const taskPolicy = definePolicy({
  route: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    claim: (a) => hasRole(a, ...flowRoles(claimFlow, 'claim')),
    approveClaim: (a) => hasRole(a, ...flowRoles(claimFlow, 'approve')),
    returnClaim: (a) => hasRole(a, ...flowRoles(claimFlow, 'return')),
  },
  row: {
    read: (a) => !!a,
    create: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    claim: forSomeUnit('claim'),
    approveClaim: forSomeUnit('approve'),
    returnClaim: forSomeUnit('return'),
  },
});
