import type { Role } from '../../domain/enums.js';
import type { Me } from '../api/types.js';

/**
 * The units the user acts for with one of these unit roles; a grant without a unit is for the
 * user's own unit (as the server reads it). Body-scoped grants are not unit roles.
 */
export function unitsActedFor(me: Me, ...roles: Role[]): string[] {
  const ids = me.roles.filter((r) => roles.includes(r.role) && !r.bodyId).map((r) => r.unitId ?? me.unit?.id);
  return [...new Set(ids.filter((id): id is string => !!id))];
}
