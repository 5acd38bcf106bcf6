import type { Role } from '../../domain/enums.js';
import { REPORT_ACTIONS, reportEditable, reportFlow, type ReportAction } from '../../domain/workflows/report.js';
import type { ReportStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep, stepRules } from './policy.js';

/** Roles that see every report (and every blocker): they run, lead, inspect or assess the program. */
export const SEE_ALL_REPORTS: readonly Role[] = ['hq_office', 'leader', 'inspector', 'assessor'];

/** Units for which the actor holds one of these roles; a unit role granted without a unit means the user's own unit. */
export function unitsWhere(actor: Actor | null, ...roles: Role[]): string[] {
  if (!actor) return [];
  const ids = actor.roles.filter((g) => roles.includes(g.role) && !g.bodyId).map((g) => g.unitId ?? actor.unitId);
  return [...new Set(ids)];
}

export const holdsUnitRole = (actor: Actor | null, unitId: string, ...roles: Role[]): boolean => unitsWhere(actor, ...roles).includes(unitId);

/** The task forces (bodies) the actor works for. */
export function taskForcesOf(actor: Actor | null): string[] {
  return actor ? [...new Set(actor.roles.filter((g) => g.role === 'task_force' && g.bodyId).map((g) => g.bodyId!))] : [];
}

/** What a report's step rights depend on: its status, its unit, and the task force of its item's plan. */
export interface ReportSubject {
  status: ReportStatus;
  unitId: string;
  taskForceId: string | null;
}

/**
 * Whether the actor may see this report: the one-row form of reportScope
 * (queries/reporting/scope.ts), which filters lists by the same rules. A draft stays with its unit;
 * otherwise the roles that see all, the report's unit, and the task force of its item's plan.
 */
export function maySeeReport(actor: Actor | null, r: ReportSubject): boolean {
  const own = unitsWhere(actor, 'liaison', 'unit_head');
  if (r.status === 'draft' && !own.includes(r.unitId)) return false;
  if (hasRole(actor, ...SEE_ALL_REPORTS)) return true;
  return own.includes(r.unitId) || (!!r.taskForceId && taskForcesOf(actor).includes(r.taskForceId));
}

/**
 * Whether the actor may take this step now: the flow names the roles, and each role is checked
 * against the report — unit roles for the report's unit, the task force of the item's plan, and the
 * HQ office (which reviews only when the plan has no task force).
 */
export const mayTakeStep = mayStep<ReportStatus, ReportAction, ReportSubject>(reportFlow, (actor, r, role) => {
  if (role === 'liaison' || role === 'unit_head') return holdsUnitRole(actor, r.unitId, role);
  if (role === 'task_force') return !!r.taskForceId && taskForcesOf(actor).includes(r.taskForceId);
  if (role === 'hq_office') return hasRole(actor, 'hq_office') && !(r.status === 'approved' && r.taskForceId);
  return hasRole(actor, role);
});

/**
 * Reports. Route tier: may the actor take part in this action at all; row tier: may they now, for
 * this report (its `policies`, so the UI offers only what the server allows).
 */
export const reportPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'liaison', 'unit_head', 'task_force', ...SEE_ALL_REPORTS),
    create: (a) => hasRole(a, 'liaison', 'unit_head'),
    update: (a) => hasRole(a, 'liaison', 'unit_head'),
    submit: (a) => hasRole(a, ...flowRoles(reportFlow, 'submit')),
    approve: (a) => hasRole(a, ...flowRoles(reportFlow, 'approve')),
    review: (a) => hasRole(a, ...flowRoles(reportFlow, 'review')),
    accept: (a) => hasRole(a, ...flowRoles(reportFlow, 'accept')),
    return: (a) => hasRole(a, ...flowRoles(reportFlow, 'return')),
  },
  row: {
    update: (a, r: ReportSubject) => reportEditable(r.status) && holdsUnitRole(a, r.unitId, 'liaison', 'unit_head'),
    ...stepRules(REPORT_ACTIONS, mayTakeStep),
  },
});
