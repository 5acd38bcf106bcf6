import type { Role } from '../../domain/enums.js';
import { REPORT_POLICY_KEYS } from '../../domain/schemas/report.js';
import { stepRoles } from '../../domain/workflows/flow.js';
import { reportEditable, reportFlow, type ReportAction } from '../../domain/workflows/report.js';
import type { ReportStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';

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
export function mayTakeStep(actor: Actor | null, r: ReportSubject, action: ReportAction): boolean {
  return stepRoles(reportFlow, r.status, action).some((role) => {
    if (role === 'liaison' || role === 'unit_head') return holdsUnitRole(actor, r.unitId, role);
    if (role === 'task_force') return !!r.taskForceId && taskForcesOf(actor).includes(r.taskForceId);
    if (role === 'hq_office') return hasRole(actor, 'hq_office') && !(r.status === 'approved' && r.taskForceId);
    return hasRole(actor, role);
  });
}

/** Route-level rules: may the actor take part in this action at all (the row decides the rest). */
export const reportPolicy = {
  read: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head', 'task_force', ...SEE_ALL_REPORTS),
  create: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head'),
  update: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head'),
  submit: (a: Actor | null) => hasRole(a, 'liaison', 'unit_head'),
  approve: (a: Actor | null) => hasRole(a, 'unit_head'),
  review: (a: Actor | null) => hasRole(a, 'task_force', 'hq_office'),
  accept: (a: Actor | null) => hasRole(a, 'hq_office'),
  return: (a: Actor | null) => hasRole(a, 'unit_head', 'task_force', 'hq_office'),
};

/** Row-level rules for one report, sent as its `policies` so the UI offers only what the server allows. */
export const reportRowPolicy: Record<(typeof REPORT_POLICY_KEYS)[number], (a: Actor | null, r: ReportSubject) => boolean> = {
  update: (a, r) => reportEditable(r.status) && holdsUnitRole(a, r.unitId, 'liaison', 'unit_head'),
  submit: (a, r) => mayTakeStep(a, r, 'submit'),
  approve: (a, r) => mayTakeStep(a, r, 'approve'),
  review: (a, r) => mayTakeStep(a, r, 'review'),
  accept: (a, r) => mayTakeStep(a, r, 'accept'),
  return: (a, r) => mayTakeStep(a, r, 'return'),
};

export function evaluateReport(a: Actor | null, r: ReportSubject): Record<(typeof REPORT_POLICY_KEYS)[number], boolean> {
  const out = {} as Record<(typeof REPORT_POLICY_KEYS)[number], boolean>;
  for (const k of REPORT_POLICY_KEYS) out[k] = reportRowPolicy[k](a, r);
  return out;
}
