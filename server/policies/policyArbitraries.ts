import fc from 'fast-check';
import { ROLES } from '../../domain/enums.js';
import type { Actor } from '../context.js';

/** A few units and task forces, so generated actors and rows meet each other often. */
export const UNITS = ['U1', 'U2', 'U3'] as const;
export const BODIES = ['B1', 'B2'] as const;

/** An actor (or nobody) with any mix of role grants, unit roles for some unit or their own, body roles for a body. */
export const anyActor: fc.Arbitrary<Actor | null> = fc.option(
  fc.record({
    userId: fc.constantFrom('p1', 'p2'),
    account: fc.constant('someone'),
    unitId: fc.constantFrom(...UNITS),
    regionIds: fc.constant(['R1']),
    roles: fc.array(
      fc.record({
        role: fc.constantFrom(...ROLES),
        unitId: fc.option(fc.constantFrom(...UNITS)),
        bodyId: fc.option(fc.constantFrom(...BODIES)),
      }),
      { maxLength: 4 },
    ),
  }),
  { nil: null },
);

/** An actor holding exactly these grants (a unit role for its unit, a task force for its body). */
export function actorWith(unitId: string, ...grants: [role: Actor['roles'][number]['role'], bodyId?: string][]): Actor {
  return { userId: 'p1', account: 'someone', unitId, regionIds: ['R1'], roles: grants.map(([role, bodyId]) => ({ role, unitId: bodyId ? null : unitId, bodyId: bodyId ?? null })) };
}
