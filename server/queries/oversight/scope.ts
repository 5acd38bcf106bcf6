import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { oversees } from '../../policies/oversightCase.js';

/**
 * Oversight cases: the oversight role sees all, everyone else none (`undefined` means no
 * restriction). The routes already answer others as a missing route; this keeps every read of the
 * table behind the same rule should a new one forget.
 */
export function caseScope(actor: Actor | null): SQL | undefined {
  return oversees(actor) ? undefined : sql`false`;
}
