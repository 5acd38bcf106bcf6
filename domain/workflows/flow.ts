import type { Role } from '../enums.js';

/** A state machine: for each state, the actions allowed, where they lead and which role takes them. */
export type Flow<S extends string, A extends string> = Partial<Record<S, Partial<Record<A, { to: S; by: readonly Role[] }>>>>;

/** The next state, or undefined when the flow does not allow the action from this state. */
export function nextState<S extends string, A extends string>(flow: Flow<S, A>, from: S, action: A): S | undefined {
  return flow[from]?.[action]?.to;
}

/** Roles that may take the action from this state (empty when the step is not allowed). */
export function stepRoles<S extends string, A extends string>(flow: Flow<S, A>, from: S, action: A): readonly Role[] {
  return flow[from]?.[action]?.by ?? [];
}

/** Actions available from a state. */
export function actionsFrom<S extends string, A extends string>(flow: Flow<S, A>, from: S): A[] {
  return Object.keys(flow[from] ?? {}) as A[];
}
