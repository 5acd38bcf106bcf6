import { and, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { importPreviews } from '../../db/schema/index.js';

/**
 * Deletes the previews that expired without being committed: an office that uploaded a sheet and
 * never came back would otherwise keep its rows (up to 50,000 of them) for good; its owner's next
 * preview only clears its own. Committed previews stay: they are the record of an import. Returns
 * how many went.
 */
export async function dropExpiredPreviews(db: Executor, now: Date): Promise<number> {
  const gone = await db
    .delete(importPreviews)
    .where(and(isNull(importPreviews.committedAt), lt(importPreviews.expiresAt, now)))
    .returning({ id: importPreviews.id });
  return gone.length;
}
