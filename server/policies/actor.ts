import type { Role } from '../../domain/enums.js';
import type { Actor } from '../context.js';
import { forbidden } from '../errors.js';

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean => !!actor && actor.roles.some((r) => roles.includes(r.role));

/** Throws 403 unless the policy allowed it. */
export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw forbidden();
}
