import type { Role } from '../../domain/enums.js';
import { stepRoles, type Flow } from '../../domain/workflows/flow.js';
import type { Actor } from '../context.js';

/** May the actor take part in this action at all (route tier: checked before anything is read). */
export type RouteRule = (a: Actor | null) => boolean;
/** May the actor do this to this row now (row tier: what the row is decides). */
export type RowRule<S> = (a: Actor | null, subject: S) => boolean;

/**
 * One entity's rules, declared once: the route tier, the row tier, and the keys the client gets
 * as `policies` (the route tier's on lists, the row tier's on one row), so the UI offers only what
 * the server allows and a new entity has one obvious shape to copy.
 */
export interface Policy<R extends string, S, K extends string> {
  readonly route: Readonly<Record<R, RouteRule>>;
  readonly row: Readonly<Record<K, RowRule<S>>>;
  /** The row tier's keys, in the order they were declared: what a row's `policies` holds. */
  readonly keys: readonly K[];
  /** Every route rule for this actor: a list's `policies`. */
  routePolicies(a: Actor | null): Record<R, boolean>;
  /** Every row rule for this actor and row: one row's `policies`. */
  rowPolicies(a: Actor | null, subject: S): Record<K, boolean>;
}

export function definePolicy<R extends string, S = never, K extends string = never>(def: {
  route: Record<R, RouteRule>;
  row?: Record<K, RowRule<S>>;
}): Policy<R, S, K> {
  const row = (def.row ?? {}) as Record<K, RowRule<S>>;
  const keys = Object.keys(row) as K[];
  const routeKeys = Object.keys(def.route) as R[];
  return {
    route: def.route,
    row,
    keys,
    routePolicies: (a) => Object.fromEntries(routeKeys.map((k) => [k, def.route[k](a)])) as Record<R, boolean>,
    rowPolicies: (a, s) => Object.fromEntries(keys.map((k) => [k, row[k](a, s)])) as Record<K, boolean>,
  };
}

/** Roles that take this action from some state of the flow: its route tier (the row decides the rest). */
export function flowRoles<S extends string, A extends string>(flow: Flow<S, A>, action: A): Role[] {
  return [...new Set(Object.values<Partial<Record<A, { by: readonly Role[] }>> | undefined>(flow).flatMap((steps) => steps?.[action]?.by ?? []))];
}

/**
 * May the actor take this step of a workflow now: the flow names the roles for the row's state,
 * and `holds` says whether the actor holds one of them for this row (a unit role for the row's
 * unit, a task force for the plan's, a program role anywhere).
 */
export function mayStep<St extends string, A extends string, S extends { status: St }>(
  flow: Flow<St, A>,
  holds: (a: Actor | null, subject: S, role: Role) => boolean,
): (a: Actor | null, subject: S, action: A) => boolean {
  return (a, s, action) => stepRoles(flow, s.status, action).some((role) => holds(a, s, role));
}

/** One row rule per action of a flow, each asking `may` (so the row's `policies` name the steps). */
export function stepRules<St extends string, A extends string, S extends { status: St }>(
  actions: readonly A[],
  may: (a: Actor | null, subject: S, action: A) => boolean,
): Record<A, RowRule<S>> {
  return Object.fromEntries(actions.map((action) => [action, (a: Actor | null, s: S) => may(a, s, action)])) as Record<A, RowRule<S>>;
}
