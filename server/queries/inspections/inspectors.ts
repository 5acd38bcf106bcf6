import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { userRoles, users } from '../../db/schema/index.js';
import { userIn, type RegionScope } from '../regionScope.js';

/**
 * The accounts that may be named a campaign's inspectors: those holding the inspector role and not
 * disabled, of the reader's regions, by name. Names only: the form needs nothing else, and the planner may not read accounts.
 */
export async function listInspectors(db: Executor, scope: RegionScope): Promise<{ id: string; displayName: string }[]> {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'inspector'), eq(users.disabled, false), userIn(users.id, scope)))
    .orderBy(asc(users.displayName), asc(users.id));
}
