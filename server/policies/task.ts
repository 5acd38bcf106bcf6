import type { Role } from '../../domain/enums.js';
import { stepRoles } from '../../domain/workflows/flow.js';
import { claimFlow, type ClaimAction } from '../../domain/workflows/claim.js';
import type { ClaimStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

/** Units for which the actor holds one of these roles; a unit role granted without a unit is for the user's own unit. */
export function unitsActedFor(a: Actor | null, roles: readonly Role[]): string[] {
  if (!a) return [];
  return [...new Set(a.roles.filter((g) => roles.includes(g.role) && !g.bodyId).map((g) => g.unitId ?? a.unitId))];
}

/** Whether the actor may take a claim step for this unit now: the flow names the roles, scoped to the unit. */
export const mayStepClaim = (a: Actor | null, unitId: string, status: ClaimStatus, action: ClaimAction) =>
  unitsActedFor(a, stepRoles(claimFlow, status, action)).includes(unitId);

/**
 * Tasks: everyone signed in reads; the HQ office breaks plans down into tasks and milestones;
 * an assigned unit's liaison or head claims (认领), and its head approves or returns the claim.
 */
export const taskPolicy = {
  read: (a: Actor | null) => !!a,
  create: (a: Actor | null) => hasRole(a, 'hq_office'),
  update: (a: Actor | null) => hasRole(a, 'hq_office'),
  claim: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head'),
  approveClaim: (a: Actor | null) => hasRole(a, 'unit_head'),
  returnClaim: (a: Actor | null) => hasRole(a, 'unit_head'),
};

/** One task's `policies`: claim steps count only for the units assigned to it, in their current state. */
export function taskRowPolicies(a: Actor | null, units: readonly { unitId: string; claimStatus: string }[]) {
  const can = (action: ClaimAction) => units.some((u) => mayStepClaim(a, u.unitId, u.claimStatus as ClaimStatus, action));
  return {
    read: taskPolicy.read(a),
    create: taskPolicy.create(a),
    update: taskPolicy.update(a),
    claim: can('claim'),
    approveClaim: can('approve'),
    returnClaim: can('return'),
  };
}
