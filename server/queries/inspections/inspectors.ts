import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { userRoles, users } from '../../db/schema/index.js';

/**
 * The accounts that may be named a campaign's inspectors: those holding the inspector role and not
 * disabled, by name. Names only: the form needs nothing else, and the planner may not read accounts.
 */
export async function listInspectors(db: Executor): Promise<{ id: string; displayName: string }[]> {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'inspector'), eq(users.disabled, false)))
    .orderBy(asc(users.displayName), asc(users.id));
}
