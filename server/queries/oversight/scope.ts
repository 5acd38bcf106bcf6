import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { oversightCases } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { oversees } from '../../policies/oversightCase.js';
import { holdsTop, scopeOf, unitIn, userIn } from '../regionScope.js';

/**
 * Oversight cases: the oversight role sees all, everyone else none (`undefined` means no
 * restriction). The routes already answer others as a missing route; this keeps every read of the
 * table behind the same rule should a new one forget.
 */
export function caseScope(actor: Actor | null): SQL | undefined {
  if (!oversees(actor)) return sql`false`;
  const scope = scopeOf(actor);
  // A case naming no unit is its maker's region's; a public complaint's (made by no one: the portal
  // is one per deployment) is the deployment's, read by the oversight office at the top of the tree.
  return or(
    unitIn(oversightCases.unitId, scope),
    and(isNull(oversightCases.unitId), or(userIn(oversightCases.createdById, scope), and(isNull(oversightCases.createdById), holdsTop(scope)))),
  )!;
}

/**
 * Locks a case the actor may see, for a write that hangs something on it (a note, a request to a
 * unit); 404 `oversight_case` when there is none.
 */
export async function lockCase(tx: Tx, actor: Actor | null, caseId: string): Promise<void> {
  const [found] = await tx
    .select({ id: oversightCases.id })
    .from(oversightCases)
    .where(and(eq(oversightCases.id, caseId), caseScope(actor)))
    .for('update');
  if (!found) throw notFound('oversight_case');
}
