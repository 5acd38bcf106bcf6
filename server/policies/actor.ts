import type { Role } from '../../domain/enums.js';
import type { Actor } from '../context.js';
import { forbidden } from '../errors.js';

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean => !!actor && actor.roles.some((r) => roles.includes(r.role));

/** Throws 403 unless the policy allowed it. */
export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw forbidden();
}

/** Evaluates every rule of a policy for the response's `policies`, so the UI shows what the server allows. */
export function evaluate<P extends Record<string, (actor: Actor | null) => boolean>>(policy: P, actor: Actor | null): Record<keyof P, boolean> {
  const out = {} as Record<keyof P, boolean>;
  for (const k of Object.keys(policy) as (keyof P)[]) out[k] = policy[k]!(actor);
  return out;
}
