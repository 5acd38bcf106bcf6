import { unitsActedFor } from '../../auth/actsFor.js';
import type { useCurrentUser } from '../../auth/CurrentUser.js';

/** The units the user speaks for as liaison or head, with a name to pick them by. */
export function myUnits(me: ReturnType<typeof useCurrentUser>): { id: string; name: string }[] {
  return unitsActedFor(me, 'liaison', 'unit_head').map((id) => ({ id, name: me.roles.find((r) => r.unitId === id)?.scopeName ?? (me.unit?.id === id ? me.unit.name : id) }));
}
